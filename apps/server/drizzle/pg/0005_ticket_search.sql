-- Full-text search over ticket titles (and later message bodies): one tsvector per ticket with
-- a GIN index, kept by triggers so it commits or rolls back with the ticket save.
CREATE TABLE "ticket_search" (
  "ticket_id" integer PRIMARY KEY REFERENCES "tickets"("ticket_id") ON DELETE CASCADE,
  "title" text NOT NULL,
  "body" text NOT NULL DEFAULT '',
  "document" tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('simple', "title"), 'A') || setweight(to_tsvector('simple', "body"), 'B')
  ) STORED
);
--> statement-breakpoint
CREATE INDEX "ticket_search_document_idx" ON "ticket_search" USING gin ("document");
--> statement-breakpoint
INSERT INTO "ticket_search" ("ticket_id", "title") SELECT "ticket_id", "title" FROM "tickets";
--> statement-breakpoint
CREATE FUNCTION "tickets_search_sync"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "ticket_search" ("ticket_id", "title") VALUES (NEW."ticket_id", NEW."title")
  ON CONFLICT ("ticket_id") DO UPDATE SET "title" = EXCLUDED."title";
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "tickets_search_sync" AFTER INSERT OR UPDATE OF "title" ON "tickets"
  FOR EACH ROW EXECUTE FUNCTION "tickets_search_sync"();
