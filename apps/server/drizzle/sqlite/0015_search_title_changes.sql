-- The full-text row is rewritten only when a save changes the title. A save writes every
-- column, so `UPDATE OF title` alone fired on every update, and FTS5 deleted and re-added the
-- same words each time.
DROP TRIGGER `tickets_search_title`;
--> statement-breakpoint
CREATE TRIGGER `tickets_search_title` AFTER UPDATE OF `title` ON `tickets` WHEN old.`title` IS NOT new.`title` BEGIN
  UPDATE `ticket_search` SET `title` = new.`title` WHERE `rowid` = new.`ticket_id`;
END;
