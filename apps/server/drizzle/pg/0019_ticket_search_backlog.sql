-- A new ticket's title is no longer indexed by the save that creates it, as on SQLite since
-- 0017: writing the ticket's search row and its GIN entries inside the save cost a create about
-- a quarter of its rate under concurrent saves. The insert trigger now records the ticket id in
-- a backlog, and the backlog is moved into the index many titles per statement: shortly after
-- the saves, in the bulk import's batch, and always before a search reads the index
-- (src/listing/search-backlog.ts). A title changed while its ticket waits gets its row from the
-- update trigger, and the move writes the title as it is then.
CREATE TABLE "ticket_search_backlog" (
  "ticket_id" integer PRIMARY KEY NOT NULL
);
--> statement-breakpoint
CREATE FUNCTION "tickets_search_backlog_add"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "ticket_search_backlog" ("ticket_id") VALUES (NEW."ticket_id");
  RETURN NULL;
END;
$$;
--> statement-breakpoint
DROP TRIGGER "tickets_search_insert" ON "tickets";
--> statement-breakpoint
CREATE TRIGGER "tickets_search_insert" AFTER INSERT ON "tickets"
  FOR EACH ROW EXECUTE FUNCTION "tickets_search_backlog_add"();
