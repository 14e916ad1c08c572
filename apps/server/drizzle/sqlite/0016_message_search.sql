-- Message bodies get full-text rows of their own, one per message (rowid = ticket_message_id),
-- instead of sharing the ticket's row: saving a message indexes that message only. Before, each
-- save of a message re-read and re-indexed every body of its ticket, so the n-th message of a
-- ticket cost n. The ticket's row keeps its title alone.
DROP TRIGGER `ticket_messages_search_insert`;
--> statement-breakpoint
DROP TRIGGER `ticket_messages_search_update`;
--> statement-breakpoint
DROP TRIGGER `ticket_messages_search_delete`;
--> statement-breakpoint
DROP TRIGGER `tickets_search_insert`;
--> statement-breakpoint
DROP TABLE `ticket_search`;
--> statement-breakpoint
CREATE VIRTUAL TABLE `ticket_search` USING fts5(`title`, tokenize = 'unicode61 remove_diacritics 2');
--> statement-breakpoint
INSERT INTO `ticket_search` (`rowid`, `title`) SELECT `ticket_id`, `title` FROM `tickets`;
--> statement-breakpoint
CREATE TRIGGER `tickets_search_insert` AFTER INSERT ON `tickets` BEGIN
  INSERT INTO `ticket_search` (`rowid`, `title`) VALUES (new.`ticket_id`, new.`title`);
END;
--> statement-breakpoint
CREATE VIRTUAL TABLE `message_search` USING fts5(`body`, `ticket_id` UNINDEXED, tokenize = 'unicode61 remove_diacritics 2');
--> statement-breakpoint
INSERT INTO `message_search` (`rowid`, `body`, `ticket_id`) SELECT `ticket_message_id`, `body`, `ticket_id` FROM `ticket_messages`;
--> statement-breakpoint
CREATE TRIGGER `ticket_messages_search_insert` AFTER INSERT ON `ticket_messages` BEGIN
  INSERT INTO `message_search` (`rowid`, `body`, `ticket_id`) VALUES (new.`ticket_message_id`, new.`body`, new.`ticket_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `ticket_messages_search_update` AFTER UPDATE OF `body`, `ticket_id` ON `ticket_messages` WHEN old.`body` IS NOT new.`body` OR old.`ticket_id` IS NOT new.`ticket_id` BEGIN
  UPDATE `message_search` SET `body` = new.`body`, `ticket_id` = new.`ticket_id` WHERE `rowid` = new.`ticket_message_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `ticket_messages_search_delete` AFTER DELETE ON `ticket_messages` BEGIN
  DELETE FROM `message_search` WHERE `rowid` = old.`ticket_message_id`;
END;
