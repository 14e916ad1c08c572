-- A new ticket's title is no longer indexed by the save that creates it. Writing one row into
-- FTS5 costs a save a tenth of its time: FTS5 flushes its pending terms to a new index segment
-- at every statement's savepoint, so each create wrote (and later merged) a segment of its own.
-- The trigger now records the ticket id in a backlog, and the backlog is moved into the index
-- many titles per statement: shortly after the saves, and always before a search reads the
-- index (src/listing/search-backlog.ts). A title changed while its ticket waits is indexed as it
-- is when the backlog moves; the update trigger has no row to change until then.
CREATE TABLE `ticket_search_backlog` (
  `ticket_id` integer PRIMARY KEY NOT NULL
);
--> statement-breakpoint
DROP TRIGGER `tickets_search_insert`;
--> statement-breakpoint
CREATE TRIGGER `tickets_search_insert` AFTER INSERT ON `tickets` BEGIN
  INSERT INTO `ticket_search_backlog` (`ticket_id`) VALUES (new.`ticket_id`);
END;
--> statement-breakpoint
DROP TRIGGER `tickets_search_delete`;
--> statement-breakpoint
CREATE TRIGGER `tickets_search_delete` AFTER DELETE ON `tickets` BEGIN
  DELETE FROM `ticket_search` WHERE `rowid` = old.`ticket_id`;
  DELETE FROM `ticket_search_backlog` WHERE `ticket_id` = old.`ticket_id`;
END;
