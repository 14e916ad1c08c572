CREATE TABLE `ticket_imports` (
	`file_key` text PRIMARY KEY NOT NULL,
	`path` text NOT NULL,
	`line` integer NOT NULL,
	`byte_offset` real NOT NULL,
	`imported` integer NOT NULL,
	`rejected` integer NOT NULL,
	`report_bytes` real NOT NULL,
	`done` integer NOT NULL,
	`started_at` text NOT NULL,
	`updated_at` text NOT NULL
);
