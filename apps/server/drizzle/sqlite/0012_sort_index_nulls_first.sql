DROP INDEX `tickets_base_status_owned_by_id_created_at_idx`;--> statement-breakpoint
DROP INDEX `tickets_status_id_created_at_idx`;--> statement-breakpoint
DROP INDEX `tickets_created_at_idx`;--> statement-breakpoint
DROP INDEX `tickets_last_changed_idx`;--> statement-breakpoint
DROP INDEX `tickets_deadline_idx`;--> statement-breakpoint
CREATE INDEX `tickets_base_status_owned_by_id_created_at_ticket_id_idx` ON `tickets` (`base_status`,`owned_by_id`,`created_at`,`ticket_id`);--> statement-breakpoint
CREATE INDEX `tickets_status_id_created_at_ticket_id_idx` ON `tickets` (`status_id`,`created_at`,`ticket_id`);--> statement-breakpoint
CREATE INDEX `tickets_created_at_ticket_id_idx` ON `tickets` (`created_at`,`ticket_id`);--> statement-breakpoint
CREATE INDEX `tickets_last_changed_ticket_id_idx` ON `tickets` (`last_changed`,`ticket_id`);--> statement-breakpoint
CREATE INDEX `tickets_deadline_ticket_id_idx` ON `tickets` (`deadline`,`ticket_id`);