-- Item search in a plan with q=: plan visible, total, page (best match first).
-- The SQL EF Core sends (bench/RawApp/Sql.cs), for pgbench -M prepared; bench/run.sh passes the -D variables.
SELECT EXISTS (
    SELECT 1
    FROM plans AS p
    WHERE p.id = :plan AND p.lifecycle <> 'draft');
SELECT count(*)::int
FROM plan_items AS p
WHERE p.plan_id = :plan AND strpos(p.search_key, :key) - 1 >= 0;
SELECT p1.plan_id, p0.number, p1.ordinal, p1.quarter, p1.content, a.code, a.name, a.short_name, p1.lead_role, p1.id, p0.id, a.id, s.code, s.name, s.short_name, s.plan_item_id, s.agency_id, s.id, p1.and_related_agencies, p1.executing_units_text, p1.due_year, p1.due_month, p1.due_part, p1.due_text, p1.due_start, p1.due_end, p1.due_year IS NULL, p1.status, p1.percent_complete, p1.completed_on, p1.last_reported_at, p1.latest_report_id, p1.created_at, p1.updated_at, p1.xmin
FROM (
    SELECT p.id, p.and_related_agencies, p.completed_on, p.content, p.created_at, p.due_end, p.due_month, p.due_part, p.due_start, p.due_text, p.due_year, p.executing_units_text, p.last_reported_at, p.latest_report_id, p.lead_agency_id, p.lead_role, p.ordinal, p.percent_complete, p.plan_id, p.quarter, p.status, p.updated_at, p.xmin, word_similarity(:key, p.search_key) AS c
    FROM plan_items AS p
    WHERE p.plan_id = :plan AND strpos(p.search_key, :key) - 1 >= 0
    ORDER BY word_similarity(:key, p.search_key) DESC, p.ordinal
    LIMIT :limit OFFSET :offset
) AS p1
INNER JOIN plans AS p0 ON p1.plan_id = p0.id
INNER JOIN agencies AS a ON p1.lead_agency_id = a.id
LEFT JOIN (
    SELECT a0.code, a0.name, a0.short_name, p2.plan_item_id, p2.agency_id, a0.id, p2.position
    FROM plan_item_coordinators AS p2
    INNER JOIN agencies AS a0 ON p2.agency_id = a0.id
) AS s ON p1.id = s.plan_item_id
ORDER BY p1.c DESC, p1.ordinal, p1.id, p0.id, a.id, s.position, s.plan_item_id, s.agency_id;
