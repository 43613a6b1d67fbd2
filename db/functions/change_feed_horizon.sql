-- The change-feed position below which no transaction still running can add an entry: that of the oldest transaction
-- still running in the calling statement's snapshot (STABLE: the caller's snapshot), or of the next one to start;
-- those of other databases left out when pg_stat_activity shows them there (they never write this feed). The feed
-- lists positions below it only, so a poller that continues from its cursor never misses or repeats a change.
-- PL/pgSQL, so that its queries are planned once per session.
CREATE OR REPLACE FUNCTION change_feed_horizon() RETURNS bigint
LANGUAGE plpgsql STABLE AS $$
DECLARE
    snapshot pg_snapshot := pg_current_snapshot();
    oldest bigint;
BEGIN
    IF pg_snapshot_xmin(snapshot) <> pg_snapshot_xmax(snapshot) THEN
        SELECT min(x::text::bigint) INTO oldest FROM pg_snapshot_xip(snapshot) AS x
        WHERE NOT EXISTS (SELECT 1 FROM pg_stat_activity a
                          WHERE a.backend_xid = x::xid AND a.datname IS DISTINCT FROM current_database());
    END IF;
    RETURN (SELECT base FROM change_feed_origin)
        + (coalesce(oldest, pg_snapshot_xmax(snapshot)::text::bigint) << 20);
END
$$;
