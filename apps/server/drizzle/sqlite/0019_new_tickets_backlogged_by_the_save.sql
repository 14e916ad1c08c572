-- A new ticket's id reaches `ticket_search_backlog` from the statements that create tickets (the
-- save, the bulk import), no longer from a trigger. A table with a trigger makes every INSERT
-- into it a statement that writes to more than one table, and inside a transaction SQLite then
-- copies each page the INSERT touches (the tickets table and all its indexes) into a statement
-- journal before changing it, in case the statement has to be undone alone. A save paid for
-- those copies on every create; a second, plain INSERT of the id costs a fraction of them.
DROP TRIGGER `tickets_search_insert`;
