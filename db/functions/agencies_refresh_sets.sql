-- Trigger function of agencies_sets: a set's members change when an agency of its province is added, ends or moves,
-- so the items that name a set of that province (the old one too, after a move) are indexed again: a new member sees
-- them, and an ended one keeps its rows only where the plan's date falls in its life.
CREATE OR REPLACE FUNCTION agencies_refresh_sets() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM plan_item_agencies_refresh(i.id)
    FROM plan_items i
    WHERE EXISTS (
        SELECT 1 FROM agencies s
        WHERE s.kind = 'collective' AND s.id <> NEW.id
            AND s.jurisdiction_province_code IN (NEW.jurisdiction_province_code, CASE WHEN TG_OP = 'UPDATE' THEN OLD.jurisdiction_province_code END)
            AND (s.id = i.lead_agency_id OR EXISTS (SELECT 1 FROM plan_item_coordinators c WHERE c.plan_item_id = i.id AND c.agency_id = s.id)));
    RETURN NULL;
END $$;
