-- Trigger function of plan_item_coordinators_agencies: the item a coordinator is added to, removed from or moved
-- between is indexed again (both items of a move).
CREATE OR REPLACE FUNCTION plan_item_coordinators_refresh_agencies() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN PERFORM plan_item_agencies_refresh(OLD.plan_item_id); END IF;
    IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW.plan_item_id <> OLD.plan_item_id) THEN
        PERFORM plan_item_agencies_refresh(NEW.plan_item_id);
    END IF;
    RETURN NULL;
END $$;
