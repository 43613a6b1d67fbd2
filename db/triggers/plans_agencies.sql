-- The agencies' to-do list index follows a plan's lifecycle: drafts are left out of to-do lists
-- (function plans_refresh_agencies).
CREATE OR REPLACE TRIGGER plans_agencies AFTER UPDATE OF lifecycle ON plans
    FOR EACH ROW EXECUTE FUNCTION plans_refresh_agencies();
