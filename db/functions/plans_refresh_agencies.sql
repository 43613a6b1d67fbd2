-- Trigger function of plans_agencies: a plan's lifecycle change marks its items' index rows draft or not, after item
-- writes of the plan in progress have committed (plan_item_agencies_lock, exclusively).
CREATE OR REPLACE FUNCTION plans_refresh_agencies() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM plan_item_agencies_lock(NEW.id);
    UPDATE plan_item_agencies SET plan_is_draft = NEW.lifecycle = 'draft'
    WHERE plan_id = NEW.id AND plan_is_draft IS DISTINCT FROM (NEW.lifecycle = 'draft');
    RETURN NULL;
END $$;
