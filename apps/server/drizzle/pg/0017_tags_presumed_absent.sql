-- A save on PostgreSQL may take a tag id its process does not know as absent (it then resolves
-- the tag by its name) without reading first, so that the save needs one round trip. It sends
-- this check with its writes, before COMMIT: if such a tag exists after all (another process
-- made it), the check fails, the transaction rolls back, and the save runs again reading first.
CREATE FUNCTION "ticket_expect_no_tags"("ids" integer[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM "tags" WHERE "id" = ANY("ids")) THEN
    RAISE EXCEPTION 'a tag the save took as absent exists' USING ERRCODE = 'TA001';
  END IF;
END;
$$;
