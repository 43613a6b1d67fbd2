-- POST of a progress report, writes only: the UPDATE and INSERTs of the API's batch, no claim, no locking read (:PLAN is set per target plan).
-- The SQL EF Core sends (bench/RawApp/Sql.cs), for pgbench -M prepared; bench/run.sh passes the -D variables.
\set ord random(1, 20)
\set k random(1, 1000000000000)
BEGIN;
UPDATE plan_items SET last_reported_at = now(), latest_report_id = (lpad(to_hex((extract(epoch FROM now()) * 1000)::bigint), 12, '0') || '7' || substr(md5((:k)::text), 1, 19))::uuid, updated_at = now()
WHERE plan_id = :PLAN AND ordinal = :ord
RETURNING id \gset item_
\startpipeline
INSERT INTO audit_entries (id, action, after, agency_code, before, client_id, client_name, key_id, occurred_at, resource_key, resource_type, trace_id)
VALUES ((lpad(to_hex((extract(epoch FROM now()) * 1000)::bigint), 12, '0') || '7' || substr(md5('audit:' || (:k)::text), 1, 19))::uuid, 'create', :after, :agency, NULL, :scope, :client, :keyid, now(), (lpad(to_hex((extract(epoch FROM now()) * 1000)::bigint), 12, '0') || '7' || substr(md5((:k)::text), 1, 19))::uuid::text, 'progress_report', :trace);
INSERT INTO change_records (action, link, occurred_at, public, resource_key, resource_type, version)
VALUES ('create', '/api/v1/progress-reports/' || (lpad(to_hex((extract(epoch FROM now()) * 1000)::bigint), 12, '0') || '7' || substr(md5((:k)::text), 1, 19))::uuid, now(), true, (lpad(to_hex((extract(epoch FROM now()) * 1000)::bigint), 12, '0') || '7' || substr(md5((:k)::text), 1, 19))::uuid::text, 'progress_report', :etag)
RETURNING sequence;
INSERT INTO change_records (action, link, occurred_at, public, resource_key, resource_type, version)
VALUES ('update', '/api/v1/plans/' || :PLAN || '/items/' || :ord, now(), true, :PLAN || '/' || :ord, 'plan_item', :etag)
RETURNING sequence;
INSERT INTO progress_reports (id, evidence_document_date, evidence_document_number, evidence_url, on_behalf_of_agency_id, percent_complete, period_from, period_to, plan_item_id, reported_at, reporting_agency_id, status, summary)
VALUES ((lpad(to_hex((extract(epoch FROM now()) * 1000)::bigint), 12, '0') || '7' || substr(md5((:k)::text), 1, 19))::uuid, NULL, NULL, NULL, NULL, :pct, NULL, NULL, :item_id, now(), :agencyid, :status, :summary);
INSERT INTO idempotency_records (key, scope, audit_entry_id, body, created_at, request_hash)
VALUES ((:k)::text, :scope, (lpad(to_hex((extract(epoch FROM now()) * 1000)::bigint), 12, '0') || '7' || substr(md5('audit:' || (:k)::text), 1, 19))::uuid, '\x', now(), :reqhash);
\endpipeline
COMMIT;
