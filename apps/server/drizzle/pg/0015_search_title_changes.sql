-- The full-text row is rewritten only when a save changes the title. A save writes every
-- column, so `UPDATE OF title` alone fired on every update, recomputing the document and
-- writing a new row version and its index entries each time.
DROP TRIGGER "tickets_search_sync" ON "tickets";
--> statement-breakpoint
CREATE TRIGGER "tickets_search_insert" AFTER INSERT ON "tickets"
  FOR EACH ROW EXECUTE FUNCTION "tickets_search_sync"();
--> statement-breakpoint
CREATE TRIGGER "tickets_search_title" AFTER UPDATE OF "title" ON "tickets"
  FOR EACH ROW WHEN (OLD."title" IS DISTINCT FROM NEW."title") EXECUTE FUNCTION "tickets_search_sync"();
