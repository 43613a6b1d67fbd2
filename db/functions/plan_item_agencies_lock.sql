-- The lock that keeps the agencies' to-do list index (plan_item_agencies) in step with a plan's lifecycle: an item's
-- refresh holds it shared on the item's plan, a change of the plan's lifecycle holds it exclusively, each until its
-- transaction ends. The API takes it exclusively before it locks the plan's row, so neither waits on the other in a
-- cycle. The only place its key is written; callers name the function.
CREATE OR REPLACE FUNCTION plan_item_agencies_lock(plan_id uuid, shared boolean DEFAULT false) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    lock_key constant bigint := hashtextextended('plan_item_agencies ' || plan_id::text, 0);
BEGIN
    IF shared THEN
        PERFORM pg_advisory_xact_lock_shared(lock_key);
    ELSE
        PERFORM pg_advisory_xact_lock(lock_key);
    END IF;
END $$;
