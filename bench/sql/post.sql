-- POST of a progress report with an Idempotency-Key: every statement the API sends once warm, in its four round trips (:PLAN is set per target plan).
-- The SQL EF Core sends (bench/RawApp/Sql.cs), for pgbench -M prepared; bench/run.sh passes the -D variables.
\set ord random(1, 20)
\set k random(1, 1000000000000)
\startpipeline
BEGIN;
SELECT p.scope, p.key, p.audit_entry_id, p.body, p.created_at, p.request_hash
FROM (
    SELECT * FROM idempotency_claim(:scope, (:k)::text)
) AS p
LIMIT 2;
\endpipeline
SELECT s.id AS item_id, s.and_related_agencies, s.completed_on, s.content, s.created_at, s.due_end, s.due_every_day, s.due_every_month, s.due_frequency, s.due_kind, s.due_month, s.due_part, s.due_start, s.due_text, s.due_year, s.executing_units_text, s.group_label, s.group_title, s.label, s.last_reported_at, s.latest_report_id, s.lead_agency_id, s.lead_role, s.ordinal, s.overdue_days, s.percent_complete, s.plan_id, s.quarter, s.search_key, s.status, s.updated_at, s.xmin AS item_xmin, s.id0, s.created_at0, s.document_type, s.duties, s.issued_on, s.issued_year, s.issuer_id, s.legal_bases, s.lifecycle, s.number, s.place, s.preamble, s.purposes, s.recipients, s.requirements, s.search_key0, s.signature, s.title, s.updated_at0, s.xmin0, s.year, s.id1, s.aliases, s.code, s.collective_scope, s.created_at1, s.former_names, s.identifier_code, s.jurisdiction_code, s.jurisdiction_province_code, s.kind, s.name, s.parent_id, s.search_key1, s.short_name, s.updated_at1, s.valid_from, s.valid_until, s.verified, s.xmin1, s0.plan_item_id, s0.agency_id, s0.position, s0.id, s0.aliases, s0.code, s0.collective_scope, s0.created_at, s0.former_names, s0.identifier_code, s0.jurisdiction_code, s0.jurisdiction_province_code, s0.kind, s0.name, s0.parent_id, s0.search_key, s0.short_name, s0.updated_at, s0.valid_from, s0.valid_until, s0.verified, s0.xmin
FROM (
    SELECT p.id, p.and_related_agencies, p.completed_on, p.content, p.created_at, p.due_end, p.due_every_day, p.due_every_month, p.due_frequency, p.due_kind, p.due_month, p.due_part, p.due_start, p.due_text, p.due_year, p.executing_units_text, p.group_label, p.group_title, p.label, p.last_reported_at, p.latest_report_id, p.lead_agency_id, p.lead_role, p.ordinal, p.overdue_days, p.percent_complete, p.plan_id, p.quarter, p.search_key, p.status, p.updated_at, p.xmin, p0.id AS id0, p0.created_at AS created_at0, p0.document_type, p0.duties, p0.issued_on, p0.issued_year, p0.issuer_id, p0.legal_bases, p0.lifecycle, p0.number, p0.place, p0.preamble, p0.purposes, p0.recipients, p0.requirements, p0.search_key AS search_key0, p0.signature, p0.title, p0.updated_at AS updated_at0, p0.xmin AS xmin0, p0.year, a.id AS id1, a.aliases, a.code, a.collective_scope, a.created_at AS created_at1, a.former_names, a.identifier_code, a.jurisdiction_code, a.jurisdiction_province_code, a.kind, a.name, a.parent_id, a.search_key AS search_key1, a.short_name, a.updated_at AS updated_at1, a.valid_from, a.valid_until, a.verified, a.xmin AS xmin1
    FROM (
        SELECT *, xmin FROM plan_items WHERE plan_id = :PLAN AND ordinal = :ord FOR UPDATE
    ) AS p
    INNER JOIN plans AS p0 ON p.plan_id = p0.id
    INNER JOIN agencies AS a ON p.lead_agency_id = a.id
    LIMIT 2
) AS s
LEFT JOIN (
    SELECT p1.plan_item_id, p1.agency_id, p1.position, a0.id, a0.aliases, a0.code, a0.collective_scope, a0.created_at, a0.former_names, a0.identifier_code, a0.jurisdiction_code, a0.jurisdiction_province_code, a0.kind, a0.name, a0.parent_id, a0.search_key, a0.short_name, a0.updated_at, a0.valid_from, a0.valid_until, a0.verified, a0.xmin
    FROM plan_item_coordinators AS p1
    INNER JOIN agencies AS a0 ON p1.agency_id = a0.id
) AS s0 ON s.id = s0.plan_item_id
ORDER BY s.id, s.id0, s.id1, s0.plan_item_id, s0.agency_id \aset
\startpipeline
INSERT INTO audit_entries (id, action, after, agency_code, before, client_id, client_name, key_id, occurred_at, resource_key, resource_type, trace_id)
VALUES ((lpad(to_hex((extract(epoch FROM now()) * 1000)::bigint), 12, '0') || '7' || substr(md5('audit:' || (:k)::text), 1, 19))::uuid, 'create', :after, :agency, NULL, :scope, :client, :keyid, now(), (lpad(to_hex((extract(epoch FROM now()) * 1000)::bigint), 12, '0') || '7' || substr(md5((:k)::text), 1, 19))::uuid::text, 'progress_report', :trace);
INSERT INTO change_records (action, link, occurred_at, public, resource_key, resource_type, version)
VALUES ('create', '/api/v1/progress-reports/' || (lpad(to_hex((extract(epoch FROM now()) * 1000)::bigint), 12, '0') || '7' || substr(md5((:k)::text), 1, 19))::uuid, now(), true, (lpad(to_hex((extract(epoch FROM now()) * 1000)::bigint), 12, '0') || '7' || substr(md5((:k)::text), 1, 19))::uuid::text, 'progress_report', :etag)
RETURNING sequence;
INSERT INTO change_records (action, link, occurred_at, public, resource_key, resource_type, version)
VALUES ('update', '/api/v1/plans/' || :PLAN || '/items/' || :ord, now(), true, :PLAN || '/' || :ord, 'plan_item', :etag)
RETURNING sequence;
UPDATE plan_items SET last_reported_at = now(), latest_report_id = (lpad(to_hex((extract(epoch FROM now()) * 1000)::bigint), 12, '0') || '7' || substr(md5((:k)::text), 1, 19))::uuid, updated_at = now()
WHERE id = :item_id AND xmin = :item_xmin
RETURNING xmin;
INSERT INTO progress_reports (id, evidence_document_date, evidence_document_number, evidence_url, on_behalf_of_agency_id, percent_complete, period_from, period_to, plan_item_id, reported_at, reporting_agency_id, status, summary)
VALUES ((lpad(to_hex((extract(epoch FROM now()) * 1000)::bigint), 12, '0') || '7' || substr(md5((:k)::text), 1, 19))::uuid, NULL, NULL, NULL, NULL, :pct, NULL, NULL, :item_id, now(), :agencyid, :status, :summary);
INSERT INTO idempotency_records (key, scope, audit_entry_id, body, created_at, request_hash)
VALUES ((:k)::text, :scope, (lpad(to_hex((extract(epoch FROM now()) * 1000)::bigint), 12, '0') || '7' || substr(md5('audit:' || (:k)::text), 1, 19))::uuid, '\x', now(), :reqhash);
\endpipeline
COMMIT;
