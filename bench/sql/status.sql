-- Plan status summary: the two queries GetPlanStatusHandler runs (the summary itself is computed in the app).
-- The SQL EF Core sends (bench/RawApp/Sql.cs), for pgbench -M prepared; bench/run.sh passes the -D variables.
SELECT p.id AS "Id", p.number AS "Number", p.title AS "Title", p.lifecycle AS "Lifecycle", p.updated_at AS "UpdatedAt"
FROM plans AS p
WHERE p.id = :plan AND p.lifecycle <> 'draft'
LIMIT 2;
SELECT p.ordinal, p.quarter, p.content, p.status, p.due_end, p.due_text, p.completed_on, p.last_reported_at, p.updated_at, a.code, a.name, a.short_name
FROM plan_items AS p
INNER JOIN agencies AS a ON p.lead_agency_id = a.id
WHERE p.plan_id = :plan
ORDER BY p.ordinal;
