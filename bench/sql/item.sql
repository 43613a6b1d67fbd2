-- Item by key: the single-item projection GetPlanItemHandler.FindAsync sent before the items read model (3a42338).
-- The SQL EF Core sends (bench/RawApp/Sql.cs), for pgbench -M prepared; bench/run.sh passes the -D variables.
SELECT s.plan_id, s.number, s.ordinal, s.quarter, s.label, s.c, s.group_label, s.group_title, s.content, s.code, s.name, s.short_name, s.lead_role, s.id, s.id0, s.id1, s0.code, s0.name, s0.short_name, s0.plan_item_id, s0.agency_id, s0.id, s.and_related_agencies, s.executing_units_text, s.due_year, s.due_month, s.due_part, s.due_text, s.due_start, s.due_end, s.c0, s.due_kind, s.c1, s.c2, s.due_frequency, s.due_every_month, s.due_every_day, s.status, s.percent_complete, s.completed_on, s.last_reported_at, s.latest_report_id, s.created_at, s.updated_at, s.xmin, s.overdue_days
FROM (
    SELECT p.plan_id, p0.number, p.ordinal, p.quarter, p.label, p.group_title IS NULL AS c, p.group_label, p.group_title, p.content, a.code, a.name, a.short_name, p.lead_role, p.and_related_agencies, p.executing_units_text, p.due_year, p.due_month, p.due_part, p.due_text, p.due_start, p.due_end, p.due_kind IS NULL AS c0, p.due_kind, CASE
        WHEN p.due_kind = 'date' THEN p.due_start
    END AS c1, p.due_frequency IS NULL AS c2, p.due_frequency, p.due_every_month, p.due_every_day, p.status, p.percent_complete, p.completed_on, p.last_reported_at, p.latest_report_id, p.created_at, p.updated_at, p.xmin, p.overdue_days, p.id, p0.id AS id0, a.id AS id1
    FROM plan_items AS p
    INNER JOIN plans AS p0 ON p.plan_id = p0.id
    INNER JOIN agencies AS a ON p.lead_agency_id = a.id
    WHERE p.plan_id = :plan AND p.ordinal = :ordinal AND p0.lifecycle <> 'draft'
    LIMIT 2
) AS s
LEFT JOIN (
    SELECT a0.code, a0.name, a0.short_name, p1.plan_item_id, p1.agency_id, a0.id, p1.position
    FROM plan_item_coordinators AS p1
    INNER JOIN agencies AS a0 ON p1.agency_id = a0.id
) AS s0 ON s.id = s0.plan_item_id
ORDER BY s.id, s.id0, s.id1, s0.position, s0.plan_item_id, s0.agency_id;
