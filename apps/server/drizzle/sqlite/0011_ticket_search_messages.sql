-- Message bodies join the ticket's full-text row: every insert, edit, move or delete of a
-- message recomputes the ticket's body text, inside the transaction that saves the message.
UPDATE `ticket_search` SET `body` = coalesce((SELECT group_concat(`body`, ' ') FROM `ticket_messages` WHERE `ticket_messages`.`ticket_id` = `ticket_search`.`rowid`), '');
--> statement-breakpoint
CREATE TRIGGER `ticket_messages_search_insert` AFTER INSERT ON `ticket_messages` BEGIN
  UPDATE `ticket_search` SET `body` = coalesce((SELECT group_concat(`body`, ' ') FROM `ticket_messages` WHERE `ticket_id` = new.`ticket_id`), '') WHERE `rowid` = new.`ticket_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `ticket_messages_search_update` AFTER UPDATE OF `body`, `ticket_id` ON `ticket_messages` BEGIN
  UPDATE `ticket_search` SET `body` = coalesce((SELECT group_concat(`body`, ' ') FROM `ticket_messages` WHERE `ticket_id` = old.`ticket_id`), '') WHERE `rowid` = old.`ticket_id`;
  UPDATE `ticket_search` SET `body` = coalesce((SELECT group_concat(`body`, ' ') FROM `ticket_messages` WHERE `ticket_id` = new.`ticket_id`), '') WHERE `rowid` = new.`ticket_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `ticket_messages_search_delete` AFTER DELETE ON `ticket_messages` BEGIN
  UPDATE `ticket_search` SET `body` = coalesce((SELECT group_concat(`body`, ' ') FROM `ticket_messages` WHERE `ticket_id` = old.`ticket_id`), '') WHERE `rowid` = old.`ticket_id`;
END;
