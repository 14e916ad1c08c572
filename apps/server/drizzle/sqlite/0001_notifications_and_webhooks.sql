CREATE TABLE `notification_outbox` (
	`delivery_id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`ticket_id` integer NOT NULL,
	`event` text NOT NULL,
	`event_key` text NOT NULL,
	`channel` text NOT NULL,
	`recipient_associate_id` integer,
	`recipient` text NOT NULL,
	`status` text NOT NULL,
	`tries` integer NOT NULL,
	`last_error` text,
	`created_at` text,
	`next_attempt_at` text,
	`delivered_at` text,
	`dedupe_key` text NOT NULL,
	`address` text,
	`language` text NOT NULL,
	`message_id` text,
	`payload` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `notification_outbox_dedupe_key_unique` ON `notification_outbox` (`dedupe_key`);--> statement-breakpoint
CREATE TABLE `notifications` (
	`notification_id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`ticket_id` integer NOT NULL,
	`event` text NOT NULL,
	`title` text NOT NULL,
	`body` text NOT NULL,
	`link` text NOT NULL,
	`created_at` text,
	`read_at` text,
	`associate_id` integer NOT NULL,
	`dedupe_key` text NOT NULL,
	FOREIGN KEY (`associate_id`) REFERENCES `associates`(`associate_id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `notifications_associate_id_idx` ON `notifications` (`associate_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `notifications_dedupe_key_unique` ON `notifications` (`dedupe_key`);--> statement-breakpoint
CREATE TABLE `webhook_deliveries` (
	`delivery_id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`event_id` text NOT NULL,
	`event` text NOT NULL,
	`status` text NOT NULL,
	`tries` integer NOT NULL,
	`last_status_code` integer,
	`last_error` text,
	`created_at` text,
	`next_attempt_at` text,
	`delivered_at` text,
	`webhook_id` integer NOT NULL,
	`dedupe_key` text NOT NULL,
	`body` text NOT NULL,
	FOREIGN KEY (`webhook_id`) REFERENCES `webhooks`(`webhook_id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `webhook_deliveries_webhook_id_idx` ON `webhook_deliveries` (`webhook_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `webhook_deliveries_dedupe_key_unique` ON `webhook_deliveries` (`dedupe_key`);--> statement-breakpoint
CREATE TABLE `webhooks` (
	`webhook_id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`target_url` text NOT NULL,
	`secret` text NOT NULL,
	`state` text NOT NULL,
	`type` text NOT NULL,
	`registered` text,
	`registered_associate_id` integer NOT NULL,
	`events` text NOT NULL
);
--> statement-breakpoint
ALTER TABLE `ticket_categories` ADD `assignment_state` text;