-- An item's rows of the agencies' to-do list index (plan_item_agencies): its lead and co-operating agencies as named,
-- and the members of any set among them on the plan's date of issue (in the role the set has); an agency named both
-- ways leads.
CREATE OR REPLACE FUNCTION plan_item_agencies_of(item uuid)
RETURNS TABLE (agency_id uuid, plan_item_id uuid, leads boolean, plan_is_draft boolean, due_end date, plan_id uuid, ordinal integer)
LANGUAGE sql STABLE AS $$
    SELECT DISTINCT ON (a.agency_id) a.agency_id, i.id, a.leads, p.lifecycle = 'draft', i.due_end, i.plan_id, i.ordinal
    FROM plan_items i
    JOIN plans p ON p.id = i.plan_id
    CROSS JOIN LATERAL (
        SELECT i.lead_agency_id AS agency_id, true AS leads
        UNION ALL
        SELECT c.agency_id, false FROM plan_item_coordinators c WHERE c.plan_item_id = i.id
    ) named
    CROSS JOIN LATERAL (
        SELECT named.agency_id, named.leads
        UNION ALL
        SELECT m, named.leads FROM agency_set_members(named.agency_id, p.issued_on) m
    ) a
    WHERE i.id = item
    ORDER BY a.agency_id, a.leads DESC;
$$;
