-- Serialises the requests of one client (scope) with one Idempotency-Key: the lock lasts until the transaction ends,
-- so a retry waits for its first attempt (bounded by the caller's lock_timeout) and then replays its answer. The only
-- place its key is written; callers name the function.
CREATE OR REPLACE FUNCTION idempotency_lock(scope text, key text) RETURNS void
LANGUAGE sql AS $$
    SELECT pg_advisory_xact_lock(hashtextextended(scope || E'\n' || key, 0));
$$;
