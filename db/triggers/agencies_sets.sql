-- Sets follow their province: an agency added, ended or moved re-indexes the items that name a set of its province
-- (function agencies_refresh_sets).
CREATE OR REPLACE TRIGGER agencies_sets AFTER INSERT OR UPDATE OF kind, jurisdiction_code, jurisdiction_province_code, valid_from, valid_until ON agencies
    FOR EACH ROW EXECUTE FUNCTION agencies_refresh_sets();
