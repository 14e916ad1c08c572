CREATE TABLE `ticket_history` (
	`history_id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`ticket_message_id` integer NOT NULL,
	`at` text,
	`associate_id` integer NOT NULL,
	`route` text NOT NULL,
	`ticket_id` integer NOT NULL,
	`changes` text NOT NULL,
	FOREIGN KEY (`ticket_id`) REFERENCES `tickets`(`ticket_id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `ticket_history_ticket_id_idx` ON `ticket_history` (`ticket_id`);--> statement-breakpoint
DROP TABLE `ticket_messages`;--> statement-breakpoint
ALTER TABLE `ticket_priorities` ADD `escalation_levels` text;--> statement-breakpoint
ALTER TABLE `ticket_priorities` ADD `time_zone` text;--> statement-breakpoint
ALTER TABLE `tickets` ADD `status_changed_at` text;