DROP INDEX "tickets_base_status_owned_by_id_created_at_idx";--> statement-breakpoint
DROP INDEX "tickets_status_id_created_at_idx";--> statement-breakpoint
DROP INDEX "tickets_created_at_idx";--> statement-breakpoint
DROP INDEX "tickets_last_changed_idx";--> statement-breakpoint
DROP INDEX "tickets_deadline_idx";--> statement-breakpoint
DROP INDEX "tickets_person_id_idx";--> statement-breakpoint
DROP INDEX "tickets_priority_id_idx";--> statement-breakpoint
CREATE INDEX "tickets_base_status_owned_by_id_created_at_ticket_id_idx" ON "tickets" USING btree ("base_status","owned_by_id" NULLS FIRST,"created_at" NULLS FIRST,"ticket_id");--> statement-breakpoint
CREATE INDEX "tickets_status_id_created_at_ticket_id_idx" ON "tickets" USING btree ("status_id" NULLS FIRST,"created_at" NULLS FIRST,"ticket_id");--> statement-breakpoint
CREATE INDEX "tickets_created_at_ticket_id_idx" ON "tickets" USING btree ("created_at" NULLS FIRST,"ticket_id");--> statement-breakpoint
CREATE INDEX "tickets_last_changed_ticket_id_idx" ON "tickets" USING btree ("last_changed" NULLS FIRST,"ticket_id");--> statement-breakpoint
CREATE INDEX "tickets_deadline_ticket_id_idx" ON "tickets" USING btree ("deadline" NULLS FIRST,"ticket_id");--> statement-breakpoint
CREATE INDEX "tickets_person_id_idx" ON "tickets" USING btree ("person_id" NULLS FIRST);--> statement-breakpoint
CREATE INDEX "tickets_priority_id_idx" ON "tickets" USING btree ("priority_id" NULLS FIRST);