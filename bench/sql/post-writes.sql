-- POST of a progress report, writes only: the UPDATE and INSERTs of the API's transaction, no reads, no locks (:PLAN is set per target plan).
-- The SQL EF Core sends (bench/RawApp/Sql.cs), for pgbench -M prepared; bench/run.sh passes the -D variables.
\set ord random(1, 20)
\set k random(1, 1000000000000)
BEGIN;
UPDATE plan_items SET last_reported_at = now(), latest_report_id = md5((:k)::text)::uuid, percent_complete = :pct, status = :status, updated_at = now()
WHERE plan_id = :PLAN AND ordinal = :ord
RETURNING id \gset item_
INSERT INTO progress_reports (id, evidence_document_date, evidence_document_number, evidence_url, percent_complete, period_from, period_to, plan_item_id, reported_at, reporting_agency_id, status, summary)
VALUES (md5((:k)::text)::uuid, NULL, NULL, NULL, :pct, NULL, NULL, :item_id, now(), :agencyid, :status, :summary);
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
