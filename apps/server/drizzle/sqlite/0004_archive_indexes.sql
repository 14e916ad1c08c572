CREATE INDEX `tickets_base_status_owned_by_id_created_at_idx` ON `tickets` (`base_status`,`owned_by_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `tickets_status_id_created_at_idx` ON `tickets` (`status_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `tickets_person_id_idx` ON `tickets` (`person_id`);--> statement-breakpoint
CREATE INDEX `tickets_priority_id_idx` ON `tickets` (`priority_id`);--> statement-breakpoint
CREATE INDEX `tickets_created_at_idx` ON `tickets` (`created_at`);--> statement-breakpoint
CREATE INDEX `tickets_last_changed_idx` ON `tickets` (`last_changed`);--> statement-breakpoint
CREATE INDEX `tickets_deadline_idx` ON `tickets` (`deadline`);