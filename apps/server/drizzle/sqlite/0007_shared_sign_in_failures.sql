CREATE TABLE `sign_in_failures` (
	`failure_id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`key` text NOT NULL,
	`failed_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `sign_in_failures_key_idx` ON `sign_in_failures` (`key`);--> statement-breakpoint
CREATE INDEX `sign_in_failures_failed_at_idx` ON `sign_in_failures` (`failed_at`);