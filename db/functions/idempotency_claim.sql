-- Takes the lock of one client's (scope) Idempotency-Key and then reads what is stored under it, in one round trip:
-- the stored record when an earlier request with the key committed, no row otherwise. The read is a statement of its
-- own, so it takes its snapshot after the lock is held and sees a first attempt that committed while this one waited.
-- A record that points at an audit entry (its result is that entry's "after", stored once) gets that JSON as its body.
CREATE OR REPLACE FUNCTION idempotency_claim(scope text, key text) RETURNS SETOF idempotency_records
LANGUAGE plpgsql VOLATILE AS $$
BEGIN
    PERFORM idempotency_lock(scope, key);
    RETURN QUERY
        SELECT r.scope, r.key, r.request_hash,
               CASE WHEN r.audit_entry_id IS NULL THEN r.body ELSE convert_to(a.after::text, 'UTF8') END,
               r.created_at, r.audit_entry_id
        FROM idempotency_records r
        LEFT JOIN audit_entries a ON a.id = r.audit_entry_id
        WHERE r.scope = idempotency_claim.scope AND r.key = idempotency_claim.key;
END
$$;
