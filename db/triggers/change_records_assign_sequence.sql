-- Every change-feed entry gets its position as it is written (function change_records_assign_sequence).
CREATE OR REPLACE TRIGGER change_records_assign_sequence BEFORE INSERT ON change_records
    FOR EACH ROW EXECUTE FUNCTION change_records_assign_sequence();
