-- Gives every plan, item, progress report, agency and grouping that has no change-feed entry a 'create' entry: what
-- existed before the feed recorded it (a store older than the feed) and what seeding loads, so that a mirror starting
-- from after=0 meets every resource there is. Agencies and groupings first, then plans, items and reports (what an
-- entry refers to comes before it). The version is null: no ETag was shown for it; read the link. Returns how many
-- entries it added; a second call adds none.
CREATE OR REPLACE FUNCTION change_records_backfill() RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
    added integer;
BEGIN
    INSERT INTO change_records (occurred_at, action, resource_type, resource_key, version, link, public)
    SELECT e.occurred_at, 'create', e.resource_type, e.resource_key, NULL, e.link, e.public
    FROM (
        SELECT 0 AS k, a.created_at AS occurred_at, 'agency' AS resource_type, a.code AS resource_key,
               '/api/v1/agencies/' || a.code AS link, true AS public
        FROM agencies a
        UNION ALL
        SELECT 1, g.created_at, 'grouping', g.code, '/api/v1/groupings/' || g.code, true FROM groupings g
        UNION ALL
        SELECT 2, p.created_at, 'plan', p.id::text, '/api/v1/plans/' || p.id::text, p.lifecycle <> 'draft' FROM plans p
        UNION ALL
        SELECT 3, i.created_at, 'plan_item', i.plan_id::text || '/' || i.ordinal::text,
               '/api/v1/plans/' || i.plan_id::text || '/items/' || i.ordinal::text, p.lifecycle <> 'draft'
        FROM plan_items i JOIN plans p ON p.id = i.plan_id
        UNION ALL
        SELECT 4, r.reported_at, 'progress_report', r.id::text, '/api/v1/progress-reports/' || r.id::text, true FROM progress_reports r
    ) e
    WHERE NOT EXISTS (SELECT 1 FROM change_records c WHERE c.resource_type = e.resource_type AND c.resource_key = e.resource_key)
    ORDER BY e.k, e.occurred_at, e.resource_key;
    GET DIAGNOSTICS added = ROW_COUNT;
    RETURN added;
END
$$;
