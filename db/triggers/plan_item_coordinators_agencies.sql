-- The agencies' to-do list index follows each coordinator added, removed or moved to another item or agency; a
-- coordinator's position alone does not change it (function plan_item_coordinators_refresh_agencies).
CREATE OR REPLACE TRIGGER plan_item_coordinators_agencies AFTER INSERT OR DELETE OR UPDATE OF plan_item_id, agency_id ON plan_item_coordinators
    FOR EACH ROW EXECUTE FUNCTION plan_item_coordinators_refresh_agencies();
