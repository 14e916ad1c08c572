-- A ticket's full-text row is written once per COMMIT instead of once per save. FTS5 writes what
-- it holds in memory to disk at every SAVEPOINT and RELEASE, and the writer runs each save of a
-- group commit in a savepoint of its own: every create wrote a segment of its own to the index,
-- and the merges behind it, on the request's thread. Now a save queues the title in a plain table
-- (rolled back with the save's savepoint if it fails), and the writer moves the queue into the
-- index just before COMMIT (`db/search-rows-at-commit.ts`), so readers see the ticket and its
-- search row appear in the same commit, as before.
CREATE TABLE `ticket_search_pending` (`ticket_id` integer PRIMARY KEY NOT NULL, `title` text NOT NULL);
--> statement-breakpoint
DROP TRIGGER `tickets_search_insert`;
--> statement-breakpoint
CREATE TRIGGER `tickets_search_insert` AFTER INSERT ON `tickets` BEGIN
  INSERT INTO `ticket_search_pending` (`ticket_id`, `title`) VALUES (new.`ticket_id`, new.`title`);
END;
--> statement-breakpoint
DROP TRIGGER `tickets_search_title`;
--> statement-breakpoint
CREATE TRIGGER `tickets_search_title` AFTER UPDATE OF `title` ON `tickets` WHEN old.`title` IS NOT new.`title` BEGIN
  UPDATE `ticket_search` SET `title` = new.`title` WHERE `rowid` = new.`ticket_id`;
  UPDATE `ticket_search_pending` SET `title` = new.`title` WHERE `ticket_id` = new.`ticket_id`;
END;
--> statement-breakpoint
DROP TRIGGER `tickets_search_delete`;
--> statement-breakpoint
CREATE TRIGGER `tickets_search_delete` AFTER DELETE ON `tickets` BEGIN
  DELETE FROM `ticket_search` WHERE `rowid` = old.`ticket_id`;
  DELETE FROM `ticket_search_pending` WHERE `ticket_id` = old.`ticket_id`;
END;
