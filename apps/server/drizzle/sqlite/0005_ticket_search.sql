-- Full-text search over ticket titles (and later message bodies): one FTS5 row per ticket,
-- rowid = ticket_id, kept by triggers so it commits or rolls back with the ticket save.
CREATE VIRTUAL TABLE `ticket_search` USING fts5(`title`, `body`, tokenize = 'unicode61 remove_diacritics 2');
--> statement-breakpoint
INSERT INTO `ticket_search` (`rowid`, `title`, `body`) SELECT `ticket_id`, `title`, '' FROM `tickets`;
--> statement-breakpoint
CREATE TRIGGER `tickets_search_insert` AFTER INSERT ON `tickets` BEGIN
  INSERT INTO `ticket_search` (`rowid`, `title`, `body`) VALUES (new.`ticket_id`, new.`title`, '');
END;
--> statement-breakpoint
CREATE TRIGGER `tickets_search_title` AFTER UPDATE OF `title` ON `tickets` BEGIN
  UPDATE `ticket_search` SET `title` = new.`title` WHERE `rowid` = new.`ticket_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `tickets_search_delete` AFTER DELETE ON `tickets` BEGIN
  DELETE FROM `ticket_search` WHERE `rowid` = old.`ticket_id`;
END;
