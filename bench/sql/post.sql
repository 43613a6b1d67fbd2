-- POST of a progress report with an Idempotency-Key: every statement the API sends, in one transaction (:PLAN is set per target plan).
-- The SQL EF Core sends (bench/RawApp/Sql.cs), for pgbench -M prepared; bench/run.sh passes the -D variables.
\set ord random(1, 20)
\set k random(1, 1000000000000)
SELECT a.id AS "Id", a.client_name AS "ClientName", a.role AS "Role", a0.code AS "AgencyCode"
FROM api_keys AS a
LEFT JOIN agencies AS a0 ON a.agency_id = a0.id
WHERE a.key_hash = :keyhash AND a.revoked_at IS NULL
LIMIT 2;
BEGIN;
SELECT set_config('lock_timeout', :lockto, true), idempotency_lock(:scope, (:k)::text), set_config('lock_timeout', :lockthen, true);
SELECT i.scope, i.key, i.body, i.content_type, i.created_at, i.location, i.request_hash, i.status_code
FROM idempotency_records AS i
WHERE i.scope = :scope AND i.key = (:k)::text
LIMIT 2;
SELECT a.id AS rep_id, a.aliases, a.code, a.created_at, a.kind, a.name, a.parent_id, a.search_key, a.short_name, a.updated_at, a.verified, a.xmin
FROM agencies AS a
WHERE a.code = :agency
LIMIT 2 \gset
SELECT s.id, s.and_related_agencies, s.completed_on, s.content, s.created_at, s.due_end, s.due_month, s.due_part, s.due_start, s.due_text, s.due_year, s.executing_units_text, s.last_reported_at, s.latest_report_id, s.lead_agency_id, s.lead_role, s.ordinal, s.percent_complete, s.plan_id, s.quarter, s.search_key, s.status, s.updated_at, s.xmin, s.id0, s.created_at0, s.document_type, s.duties, s.issued_on, s.issued_year, s.issuer_id, s.legal_bases, s.lifecycle, s.number, s.place, s.preamble, s.purposes, s.recipients, s.requirements, s.search_key0, s.signature, s.title, s.updated_at0, s.xmin0, s.year, s.id1, s.aliases, s.code, s.created_at1, s.kind, s.name, s.parent_id, s.search_key1, s.short_name, s.updated_at1, s.verified, s.xmin1, s0.plan_item_id, s0.agency_id, s0.position, s0.id, s0.aliases, s0.code, s0.created_at, s0.kind, s0.name, s0.parent_id, s0.search_key, s0.short_name, s0.updated_at, s0.verified, s0.xmin
FROM (
    SELECT p.id, p.and_related_agencies, p.completed_on, p.content, p.created_at, p.due_end, p.due_month, p.due_part, p.due_start, p.due_text, p.due_year, p.executing_units_text, p.last_reported_at, p.latest_report_id, p.lead_agency_id, p.lead_role, p.ordinal, p.percent_complete, p.plan_id, p.quarter, p.search_key, p.status, p.updated_at, p.xmin, p0.id AS id0, p0.created_at AS created_at0, p0.document_type, p0.duties, p0.issued_on, p0.issued_year, p0.issuer_id, p0.legal_bases, p0.lifecycle, p0.number, p0.place, p0.preamble, p0.purposes, p0.recipients, p0.requirements, p0.search_key AS search_key0, p0.signature, p0.title, p0.updated_at AS updated_at0, p0.xmin AS xmin0, p0.year, a.id AS id1, a.aliases, a.code, a.created_at AS created_at1, a.kind, a.name, a.parent_id, a.search_key AS search_key1, a.short_name, a.updated_at AS updated_at1, a.verified, a.xmin AS xmin1
    FROM (
        SELECT *, xmin FROM plan_items WHERE plan_id = :PLAN AND ordinal = :ord FOR UPDATE
    ) AS p
    INNER JOIN plans AS p0 ON p.plan_id = p0.id
    INNER JOIN agencies AS a ON p.lead_agency_id = a.id
    LIMIT 2
) AS s
LEFT JOIN (
    SELECT p1.plan_item_id, p1.agency_id, p1.position, a0.id, a0.aliases, a0.code, a0.created_at, a0.kind, a0.name, a0.parent_id, a0.search_key, a0.short_name, a0.updated_at, a0.verified, a0.xmin
    FROM plan_item_coordinators AS p1
    INNER JOIN agencies AS a0 ON p1.agency_id = a0.id
) AS s0 ON s.id = s0.plan_item_id
ORDER BY s.id, s.id0, s.id1, s0.plan_item_id, s0.agency_id;
UPDATE plan_items SET last_reported_at = now(), latest_report_id = md5((:k)::text)::uuid, percent_complete = :pct, status = :status, updated_at = now()
WHERE plan_id = :PLAN AND ordinal = :ord
RETURNING id, xmin \gset item_
INSERT INTO progress_reports (id, evidence_document_date, evidence_document_number, evidence_url, percent_complete, period_from, period_to, plan_item_id, reported_at, reporting_agency_id, status, summary)
VALUES (md5((:k)::text)::uuid, NULL, NULL, NULL, :pct, NULL, NULL, :item_id, now(), :rep_id, :status, :summary);
INSERT INTO audit_entries (id, action, after, agency_code, before, client_id, client_name, key_id, occurred_at, resource_key, resource_type, trace_id)
VALUES (gen_random_uuid(), 'create', :after, :agency, NULL, :scope, :client, :keyid, now(), md5((:k)::text), 'progress_report', :trace);
INSERT INTO change_records (action, link, occurred_at, public, resource_key, resource_type, version)
VALUES ('create', '/api/v1/progress-reports/' || md5((:k)::text), now(), true, md5((:k)::text), 'progress_report', :etag)
RETURNING sequence;
INSERT INTO change_records (action, link, occurred_at, public, resource_key, resource_type, version)
VALUES ('update', '/api/v1/plans/' || :PLAN || '/items/' || :ord, now(), true, :PLAN || '/' || :ord, 'plan_item', :etag)
RETURNING sequence;
INSERT INTO idempotency_records (key, scope, body, content_type, created_at, location, request_hash, status_code)
VALUES ((:k)::text, :scope, convert_to(:after, 'UTF8'), 'application/json; charset=utf-8', now(), '/api/v1/progress-reports/' || md5((:k)::text), :reqhash, 201);
COMMIT;
