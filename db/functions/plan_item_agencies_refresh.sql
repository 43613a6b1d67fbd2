-- Recomputes an item's rows of the agencies' to-do list index from the item, its coordinators and its plan. Concurrent
-- writers of one item, or of an item while its plan's lifecycle changes, each see the other's committed rows: it locks
-- the item's row and holds the plan's plan_item_agencies_lock shared.
CREATE OR REPLACE FUNCTION plan_item_agencies_refresh(item uuid) RETURNS void
LANGUAGE sql AS $$
    SELECT plan_item_agencies_lock(i.plan_id, shared => true) FROM plan_items i WHERE i.id = item;
    SELECT 1 FROM plan_items WHERE id = item FOR NO KEY UPDATE;
    DELETE FROM plan_item_agencies WHERE plan_item_id = item;
    INSERT INTO plan_item_agencies (agency_id, plan_item_id, leads, plan_is_draft, due_end, plan_id, ordinal)
    SELECT * FROM plan_item_agencies_of(item);
$$;
