CREATE TABLE `ticket_custom_fields` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`field_type` text NOT NULL,
	`field_name` text NOT NULL,
	`display_name` text NOT NULL,
	`description` text NOT NULL,
	`short_label` text NOT NULL,
	`hide_label` integer NOT NULL,
	`hide_field` integer NOT NULL,
	`is_indexed` integer NOT NULL,
	`is_mandatory` integer NOT NULL,
	`is_read_only` integer NOT NULL,
	`is_external` integer NOT NULL,
	`rank` integer NOT NULL,
	`template_variable_name` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `ticket_custom_fields_field_name_unique` ON `ticket_custom_fields` (`field_name`);