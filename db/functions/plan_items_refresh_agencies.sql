-- Trigger function of plan_items_agencies: an item written (whichever way: API, import, SQL) is indexed again.
CREATE OR REPLACE FUNCTION plan_items_refresh_agencies() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM plan_item_agencies_refresh(NEW.id);
    RETURN NULL;
END $$;
