-- The agencies' to-do list index follows each write of an item's lead, due date, plan or ordinal
-- (function plan_items_refresh_agencies).
CREATE OR REPLACE TRIGGER plan_items_agencies AFTER INSERT OR UPDATE OF lead_agency_id, due_end, plan_id, ordinal ON plan_items
    FOR EACH ROW EXECUTE FUNCTION plan_items_refresh_agencies();
