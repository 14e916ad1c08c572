-- Message bodies join the ticket's full-text row: every insert, edit, move or delete of a
-- message recomputes the ticket's body text, inside the transaction that saves the message.
UPDATE "ticket_search" SET "body" = coalesce((SELECT string_agg("body", ' ' ORDER BY "ticket_message_id") FROM "ticket_messages" WHERE "ticket_messages"."ticket_id" = "ticket_search"."ticket_id"), '');
--> statement-breakpoint
CREATE FUNCTION "ticket_messages_search_sync"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    UPDATE "ticket_search" SET "body" = coalesce((SELECT string_agg("body", ' ' ORDER BY "ticket_message_id") FROM "ticket_messages" WHERE "ticket_id" = OLD."ticket_id"), '') WHERE "ticket_id" = OLD."ticket_id";
  END IF;
  IF TG_OP <> 'DELETE' THEN
    UPDATE "ticket_search" SET "body" = coalesce((SELECT string_agg("body", ' ' ORDER BY "ticket_message_id") FROM "ticket_messages" WHERE "ticket_id" = NEW."ticket_id"), '') WHERE "ticket_id" = NEW."ticket_id";
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "ticket_messages_search_sync" AFTER INSERT OR UPDATE OF "body", "ticket_id" OR DELETE ON "ticket_messages"
  FOR EACH ROW EXECUTE FUNCTION "ticket_messages_search_sync"();
