-- An agency's item list, first page of 20: agency id, total, page.
-- The SQL EF Core sends (bench/RawApp/Sql.cs), for pgbench -M prepared; bench/run.sh passes the -D variables.
SELECT a.id
FROM agencies AS a
WHERE a.code = :code
LIMIT 2 \gset agency_
SELECT count(*)::int
FROM plan_item_agencies AS p
WHERE p.agency_id = :agency_id AND NOT (p.plan_is_draft);
SELECT p0.plan_id, p2.number, p0.ordinal, p0.quarter, p0.content, a.code, a.name, a.short_name, p0.lead_role, p1.agency_id, p1.plan_item_id, p0.id, p2.id, a.id, s.code, s.name, s.short_name, s.plan_item_id, s.agency_id, s.id, p0.and_related_agencies, p0.executing_units_text, p0.due_year, p0.due_month, p0.due_part, p0.due_text, p0.due_start, p0.due_end, p0.due_year IS NULL, p0.status, p0.percent_complete, p0.completed_on, p0.last_reported_at, p0.latest_report_id, p0.created_at, p0.updated_at, p0.xmin
FROM (
    SELECT p.agency_id, p.plan_item_id, p.due_end, p.ordinal, p.plan_id
    FROM plan_item_agencies AS p
    WHERE p.agency_id = :agency_id AND NOT (p.plan_is_draft)
    ORDER BY p.due_end, p.plan_id, p.ordinal
    LIMIT :limit OFFSET :offset
) AS p1
INNER JOIN plan_items AS p0 ON p1.plan_item_id = p0.id
INNER JOIN plans AS p2 ON p0.plan_id = p2.id
INNER JOIN agencies AS a ON p0.lead_agency_id = a.id
LEFT JOIN (
    SELECT a0.code, a0.name, a0.short_name, p3.plan_item_id, p3.agency_id, a0.id, p3.position
    FROM plan_item_coordinators AS p3
    INNER JOIN agencies AS a0 ON p3.agency_id = a0.id
) AS s ON p0.id = s.plan_item_id
ORDER BY p1.due_end, p1.plan_id, p1.ordinal, p1.agency_id, p1.plan_item_id, p0.id, p2.id, a.id, s.position, s.plan_item_id, s.agency_id;
