-- Takes the lock of one client's (scope) Idempotency-Key and then reads what is stored under it, in one round trip:
-- the stored record when an earlier request with the key committed, no row otherwise. The read is a statement of its
-- own, so it takes its snapshot after the lock is held and sees a first attempt that committed while this one waited.
CREATE OR REPLACE FUNCTION idempotency_claim(scope text, key text) RETURNS SETOF idempotency_records
LANGUAGE plpgsql VOLATILE AS $$
BEGIN
    PERFORM idempotency_lock(scope, key);
    RETURN QUERY SELECT * FROM idempotency_records r WHERE r.scope = idempotency_claim.scope AND r.key = idempotency_claim.key;
END
$$;
