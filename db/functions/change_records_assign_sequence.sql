-- Gives each change-feed entry its position without a lock shared by writers: the highest position handed out before
-- positions came from transactions (change_feed_origin.base), plus the writing transaction's id shifted by 20 bits,
-- plus the entry's place within the transaction. Readers list positions below change_feed_horizon() only.
CREATE OR REPLACE FUNCTION change_records_assign_sequence() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    n bigint := coalesce(nullif(current_setting('planapi.change_index', true), ''), '0')::bigint + 1;
BEGIN
    IF NEW.sequence IS NOT NULL THEN
        RETURN NEW;
    END IF;
    IF n >= 1048576 THEN
        RAISE EXCEPTION 'A transaction may record at most 1048575 changes.';
    END IF;
    PERFORM set_config('planapi.change_index', n::text, true);
    NEW.sequence := (SELECT base FROM change_feed_origin) + (pg_current_xact_id()::text::bigint << 20) + n;
    RETURN NEW;
END
$$;
