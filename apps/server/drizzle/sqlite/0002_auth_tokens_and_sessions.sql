CREATE TABLE `api_tokens` (
	`token_id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`created_at` text NOT NULL,
	`expires_at` text,
	`revoked_at` text,
	`associate_id` integer NOT NULL,
	`digest` text NOT NULL,
	FOREIGN KEY (`associate_id`) REFERENCES `associates`(`associate_id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `api_tokens_associate_id_idx` ON `api_tokens` (`associate_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `api_tokens_digest_unique` ON `api_tokens` (`digest`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`session_id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`associate_id` integer NOT NULL,
	`ticket_digest` text NOT NULL,
	`xsrf_digest` text NOT NULL,
	`created_at` text NOT NULL,
	`expires_at` text NOT NULL,
	FOREIGN KEY (`associate_id`) REFERENCES `associates`(`associate_id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sessions_associate_id_idx` ON `sessions` (`associate_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `sessions_ticket_digest_unique` ON `sessions` (`ticket_digest`);--> statement-breakpoint
CREATE INDEX `sessions_expires_at_idx` ON `sessions` (`expires_at`);