CREATE TABLE `ticket_attachments` (
	`attachment_id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`content_type` text NOT NULL,
	`att_size` integer NOT NULL,
	`ticket_message_id` integer NOT NULL,
	`content` text NOT NULL,
	FOREIGN KEY (`ticket_message_id`) REFERENCES `ticket_messages`(`ticket_message_id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `ticket_attachments_ticket_message_id_idx` ON `ticket_attachments` (`ticket_message_id`);--> statement-breakpoint
CREATE TABLE `ticket_messages` (
	`ticket_message_id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`created_at` text,
	`changed_at` text,
	`created_by_id` integer,
	`author` text NOT NULL,
	`person_id` integer,
	`slevel` text NOT NULL,
	`type` text NOT NULL,
	`important` integer NOT NULL,
	`body` text NOT NULL,
	`html_body` text NOT NULL,
	`time_spent` integer NOT NULL,
	`email_header` text NOT NULL,
	`message_headers` text NOT NULL,
	`language` text NOT NULL,
	`num_attachments` integer NOT NULL,
	`ticket_id` integer NOT NULL,
	FOREIGN KEY (`created_by_id`) REFERENCES `associates`(`associate_id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`person_id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`ticket_id`) REFERENCES `tickets`(`ticket_id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `ticket_messages_ticket_id_idx` ON `ticket_messages` (`ticket_id`);