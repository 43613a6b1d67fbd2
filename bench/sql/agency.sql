-- An agency's item list, first page of 20: agency id, total, page.
-- The SQL EF Core sends (bench/RawApp/Sql.cs), for pgbench -M prepared; bench/run.sh passes the -D variables.
SELECT a.id
FROM agencies AS a
WHERE a.code = :code
LIMIT 2 \gset agency_
SELECT count(*)::int
FROM plan_items AS p
INNER JOIN plans AS p2 ON p.plan_id = p2.id
WHERE p.id IN (
    SELECT p0.id
    FROM plan_items AS p0
    WHERE p0.lead_agency_id = :agency_id
    UNION ALL
    SELECT p1.plan_item_id AS id
    FROM plan_item_coordinators AS p1
    WHERE p1.agency_id = :agency_id
) AND p2.lifecycle <> 'draft';
SELECT s.plan_id, s.number, s.ordinal, s.quarter, s.content, a.code, a.name, a.short_name, s.lead_role, s.id, s.id0, a.id, s0.code, s0.name, s0.short_name, s0.plan_item_id, s0.agency_id, s0.id, s.and_related_agencies, s.executing_units_text, s.due_year, s.due_month, s.due_part, s.due_text, s.due_start, s.due_end, s.due_year IS NULL, s.status, s.percent_complete, s.completed_on, s.last_reported_at, s.latest_report_id, s.created_at, s.updated_at, s.xmin
FROM (
    SELECT p.id, p.and_related_agencies, p.completed_on, p.content, p.created_at, p.due_end, p.due_month, p.due_part, p.due_start, p.due_text, p.due_year, p.executing_units_text, p.last_reported_at, p.latest_report_id, p.lead_agency_id, p.lead_role, p.ordinal, p.percent_complete, p.plan_id, p.quarter, p.status, p.updated_at, p.xmin, p2.id AS id0, p2.number
    FROM plan_items AS p
    INNER JOIN plans AS p2 ON p.plan_id = p2.id
    WHERE p.id IN (
        SELECT p0.id
        FROM plan_items AS p0
        WHERE p0.lead_agency_id = :agency_id
        UNION ALL
        SELECT p1.plan_item_id AS id
        FROM plan_item_coordinators AS p1
        WHERE p1.agency_id = :agency_id
    ) AND p2.lifecycle <> 'draft'
    ORDER BY p.due_end, p.plan_id, p.ordinal
    LIMIT :limit OFFSET :offset
) AS s
INNER JOIN agencies AS a ON s.lead_agency_id = a.id
LEFT JOIN (
    SELECT a0.code, a0.name, a0.short_name, p3.plan_item_id, p3.agency_id, a0.id, p3.position
    FROM plan_item_coordinators AS p3
    INNER JOIN agencies AS a0 ON p3.agency_id = a0.id
) AS s0 ON s.id = s0.plan_item_id
ORDER BY s.due_end, s.plan_id, s.ordinal, s.id, s.id0, a.id, s0.position, s0.plan_item_id, s0.agency_id;
