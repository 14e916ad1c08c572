-- Message bodies get search rows of their own, one per message, instead of sharing the ticket's
-- row: saving a message indexes that message only. Before, each save of a message re-read and
-- re-indexed every body of its ticket, so the n-th message of a ticket cost n. The ticket's row
-- keeps its title alone; a message's words weigh B, as bodies did, below the title's A.
DROP TRIGGER "ticket_messages_search_sync" ON "ticket_messages";
--> statement-breakpoint
DROP FUNCTION "ticket_messages_search_sync"();
--> statement-breakpoint
ALTER TABLE "ticket_search" DROP COLUMN "document", DROP COLUMN "body";
--> statement-breakpoint
ALTER TABLE "ticket_search" ADD COLUMN "document" tsvector GENERATED ALWAYS AS (setweight(to_tsvector('simple', "title"), 'A')) STORED;
--> statement-breakpoint
CREATE INDEX "ticket_search_document_idx" ON "ticket_search" USING gin ("document");
--> statement-breakpoint
CREATE TABLE "message_search" (
  "ticket_message_id" integer PRIMARY KEY REFERENCES "ticket_messages"("ticket_message_id") ON DELETE CASCADE,
  "ticket_id" integer NOT NULL,
  "document" tsvector NOT NULL
);
--> statement-breakpoint
CREATE INDEX "message_search_document_idx" ON "message_search" USING gin ("document");
--> statement-breakpoint
INSERT INTO "message_search" ("ticket_message_id", "ticket_id", "document")
  SELECT "ticket_message_id", "ticket_id", setweight(to_tsvector('simple', "body"), 'B') FROM "ticket_messages";
--> statement-breakpoint
CREATE FUNCTION "message_search_sync"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "message_search" ("ticket_message_id", "ticket_id", "document")
      VALUES (NEW."ticket_message_id", NEW."ticket_id", setweight(to_tsvector('simple', NEW."body"), 'B'));
  ELSIF OLD."body" IS DISTINCT FROM NEW."body" OR OLD."ticket_id" IS DISTINCT FROM NEW."ticket_id" THEN
    UPDATE "message_search"
      SET "ticket_id" = NEW."ticket_id", "document" = setweight(to_tsvector('simple', NEW."body"), 'B')
      WHERE "ticket_message_id" = NEW."ticket_message_id";
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "message_search_sync" AFTER INSERT OR UPDATE OF "body", "ticket_id" ON "ticket_messages"
  FOR EACH ROW EXECUTE FUNCTION "message_search_sync"();
