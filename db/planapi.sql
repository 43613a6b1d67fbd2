CREATE TABLE IF NOT EXISTS "__EFMigrationsHistory" (
    migration_id character varying(150) NOT NULL,
    product_version character varying(32) NOT NULL,
    CONSTRAINT pk___ef_migrations_history PRIMARY KEY (migration_id)
);

START TRANSACTION;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261124012818_Initial') THEN
    CREATE EXTENSION IF NOT EXISTS pg_trgm;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261124012818_Initial') THEN
    CREATE TABLE agencies (
        id uuid NOT NULL,
        code character varying(100) NOT NULL,
        name character varying(500) NOT NULL,
        short_name character varying(500),
        aliases text[] NOT NULL,
        kind character varying(32) NOT NULL,
        parent_id uuid,
        search_key text NOT NULL,
        created_at timestamp with time zone NOT NULL,
        updated_at timestamp with time zone NOT NULL,
        CONSTRAINT pk_agencies PRIMARY KEY (id),
        CONSTRAINT fk_agencies_agencies_parent_id FOREIGN KEY (parent_id) REFERENCES agencies (id) ON DELETE RESTRICT
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261124012818_Initial') THEN
    CREATE TABLE audit_entries (
        id uuid NOT NULL,
        occurred_at timestamp with time zone NOT NULL,
        client_id character varying(500) NOT NULL,
        client_name character varying(500) NOT NULL,
        key_id uuid,
        agency_code character varying(100),
        action character varying(16) NOT NULL,
        resource_type character varying(32) NOT NULL,
        resource_key character varying(500) NOT NULL,
        before jsonb,
        after jsonb,
        trace_id character varying(100),
        CONSTRAINT pk_audit_entries PRIMARY KEY (id)
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261124012818_Initial') THEN
    CREATE TABLE change_records (
        sequence bigint GENERATED ALWAYS AS IDENTITY,
        occurred_at timestamp with time zone NOT NULL,
        action character varying(16) NOT NULL,
        resource_type character varying(32) NOT NULL,
        resource_key character varying(500) NOT NULL,
        version character varying(64),
        link character varying(2000) NOT NULL,
        public boolean NOT NULL,
        CONSTRAINT pk_change_records PRIMARY KEY (sequence)
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261124012818_Initial') THEN
    CREATE TABLE idempotency_records (
        scope character varying(500) NOT NULL,
        key character varying(200) NOT NULL,
        request_hash character varying(64) NOT NULL,
        status_code integer NOT NULL,
        content_type character varying(200),
        location character varying(2000),
        body bytea NOT NULL,
        created_at timestamp with time zone NOT NULL,
        CONSTRAINT pk_idempotency_records PRIMARY KEY (scope, key)
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261124012818_Initial') THEN
    CREATE TABLE api_keys (
        id uuid NOT NULL,
        client_name character varying(500) NOT NULL,
        role character varying(16) NOT NULL,
        agency_id uuid,
        key_hash character varying(64) NOT NULL,
        key_start character varying(16) NOT NULL,
        created_at timestamp with time zone NOT NULL,
        revoked_at timestamp with time zone,
        CONSTRAINT pk_api_keys PRIMARY KEY (id),
        CONSTRAINT ck_api_keys_reporter_agency CHECK ((role = 'reporter') = (agency_id IS NOT NULL)),
        CONSTRAINT fk_api_keys_agencies_agency_id FOREIGN KEY (agency_id) REFERENCES agencies (id) ON DELETE RESTRICT
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261124012818_Initial') THEN
    CREATE TABLE groupings (
        id uuid NOT NULL,
        code character varying(100) NOT NULL,
        kind character varying(16) NOT NULL,
        name character varying(500) NOT NULL,
        year integer NOT NULL,
        description character varying(8000),
        head_agency_id uuid,
        deputy_agency_id uuid,
        created_at timestamp with time zone NOT NULL,
        updated_at timestamp with time zone NOT NULL,
        CONSTRAINT pk_groupings PRIMARY KEY (id),
        CONSTRAINT fk_groupings_agencies_deputy_agency_id FOREIGN KEY (deputy_agency_id) REFERENCES agencies (id) ON DELETE RESTRICT,
        CONSTRAINT fk_groupings_agencies_head_agency_id FOREIGN KEY (head_agency_id) REFERENCES agencies (id) ON DELETE RESTRICT
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261124012818_Initial') THEN
    CREATE TABLE plans (
        id uuid NOT NULL,
        issuer_id uuid NOT NULL,
        number character varying(100) NOT NULL,
        document_type character varying(16) NOT NULL,
        place character varying(500),
        issued_on date NOT NULL,
        issued_year integer NOT NULL,
        year integer NOT NULL,
        title character varying(500) NOT NULL,
        preamble character varying(8000),
        legal_bases jsonb NOT NULL,
        purposes jsonb NOT NULL,
        requirements jsonb NOT NULL,
        duties jsonb NOT NULL,
        recipients text[] NOT NULL,
        signature jsonb,
        lifecycle character varying(16) NOT NULL,
        search_key text NOT NULL,
        created_at timestamp with time zone NOT NULL,
        updated_at timestamp with time zone NOT NULL,
        CONSTRAINT pk_plans PRIMARY KEY (id),
        CONSTRAINT fk_plans_agencies_issuer_id FOREIGN KEY (issuer_id) REFERENCES agencies (id) ON DELETE RESTRICT
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261124012818_Initial') THEN
    CREATE TABLE grouping_members (
        grouping_id uuid NOT NULL,
        agency_id uuid NOT NULL,
        position integer NOT NULL,
        CONSTRAINT pk_grouping_members PRIMARY KEY (grouping_id, agency_id),
        CONSTRAINT fk_grouping_members_agencies_agency_id FOREIGN KEY (agency_id) REFERENCES agencies (id) ON DELETE RESTRICT,
        CONSTRAINT fk_grouping_members_groupings_grouping_id FOREIGN KEY (grouping_id) REFERENCES groupings (id) ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261124012818_Initial') THEN
    CREATE TABLE plan_items (
        id uuid NOT NULL,
        plan_id uuid NOT NULL,
        ordinal integer NOT NULL,
        quarter integer NOT NULL,
        content character varying(8000) NOT NULL,
        lead_agency_id uuid NOT NULL,
        lead_role character varying(500),
        and_related_agencies boolean NOT NULL,
        executing_units_text character varying(8000),
        due_year integer,
        due_month integer,
        due_part character varying(8),
        due_text character varying(500),
        due_start date NOT NULL,
        due_end date NOT NULL,
        status character varying(16) NOT NULL,
        percent_complete integer NOT NULL,
        latest_report_id uuid,
        last_reported_at timestamp with time zone,
        completed_on date,
        search_key text NOT NULL,
        created_at timestamp with time zone NOT NULL,
        updated_at timestamp with time zone NOT NULL,
        CONSTRAINT pk_plan_items PRIMARY KEY (id),
        CONSTRAINT ck_plan_items_quarter CHECK (quarter BETWEEN 1 AND 4),
        CONSTRAINT fk_plan_items_agencies_lead_agency_id FOREIGN KEY (lead_agency_id) REFERENCES agencies (id) ON DELETE RESTRICT,
        CONSTRAINT fk_plan_items_plans_plan_id FOREIGN KEY (plan_id) REFERENCES plans (id) ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261124012818_Initial') THEN
    CREATE TABLE plan_item_coordinators (
        plan_item_id uuid NOT NULL,
        agency_id uuid NOT NULL,
        position integer NOT NULL,
        CONSTRAINT pk_plan_item_coordinators PRIMARY KEY (plan_item_id, agency_id),
        CONSTRAINT fk_plan_item_coordinators_agencies_agency_id FOREIGN KEY (agency_id) REFERENCES agencies (id) ON DELETE RESTRICT,
        CONSTRAINT fk_plan_item_coordinators_plan_items_plan_item_id FOREIGN KEY (plan_item_id) REFERENCES plan_items (id) ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261124012818_Initial') THEN
    CREATE TABLE progress_reports (
        id uuid NOT NULL,
        plan_item_id uuid NOT NULL,
        reporting_agency_id uuid NOT NULL,
        status character varying(16) NOT NULL,
        percent_complete integer NOT NULL,
        summary character varying(8000) NOT NULL,
        evidence_document_number character varying(100),
        evidence_document_date date,
        evidence_url character varying(2000),
        period_from date,
        period_to date,
        reported_at timestamp with time zone NOT NULL,
        CONSTRAINT pk_progress_reports PRIMARY KEY (id),
        CONSTRAINT ck_progress_reports_percent CHECK (percent_complete BETWEEN 0 AND 100),
        CONSTRAINT fk_progress_reports_agencies_reporting_agency_id FOREIGN KEY (reporting_agency_id) REFERENCES agencies (id) ON DELETE RESTRICT,
        CONSTRAINT fk_progress_reports_plan_items_plan_item_id FOREIGN KEY (plan_item_id) REFERENCES plan_items (id) ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261124012818_Initial') THEN
    CREATE UNIQUE INDEX ix_agencies_code ON agencies (code);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261124012818_Initial') THEN
    CREATE INDEX ix_agencies_kind ON agencies (kind);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261124012818_Initial') THEN
    CREATE INDEX ix_agencies_parent_id ON agencies (parent_id);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261124012818_Initial') THEN
    CREATE INDEX ix_agencies_search_key ON agencies USING gin (search_key gin_trgm_ops);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261124012818_Initial') THEN
    CREATE INDEX ix_api_keys_agency_id ON api_keys (agency_id);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261124012818_Initial') THEN
    CREATE UNIQUE INDEX ix_api_keys_key_hash ON api_keys (key_hash);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261124012818_Initial') THEN
    CREATE INDEX ix_audit_entries_client_id_occurred_at ON audit_entries (client_id, occurred_at);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261124012818_Initial') THEN
    CREATE INDEX ix_audit_entries_occurred_at ON audit_entries (occurred_at);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261124012818_Initial') THEN
    CREATE INDEX ix_audit_entries_resource_type_resource_key_occurred_at ON audit_entries (resource_type, resource_key, occurred_at);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261124012818_Initial') THEN
    CREATE INDEX ix_grouping_members_agency_id ON grouping_members (agency_id);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261124012818_Initial') THEN
    CREATE UNIQUE INDEX ix_groupings_code ON groupings (code);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261124012818_Initial') THEN
    CREATE INDEX ix_groupings_deputy_agency_id ON groupings (deputy_agency_id);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261124012818_Initial') THEN
    CREATE INDEX ix_groupings_head_agency_id ON groupings (head_agency_id);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261124012818_Initial') THEN
    CREATE INDEX ix_groupings_year_kind ON groupings (year, kind);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261124012818_Initial') THEN
    CREATE INDEX ix_idempotency_records_created_at ON idempotency_records (created_at);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261124012818_Initial') THEN
    CREATE INDEX ix_plan_item_coordinators_agency_id ON plan_item_coordinators (agency_id);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261124012818_Initial') THEN
    CREATE INDEX ix_plan_items_lead_agency_id ON plan_items (lead_agency_id);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261124012818_Initial') THEN
    CREATE INDEX ix_plan_items_plan_id_due_end ON plan_items (plan_id, due_end);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261124012818_Initial') THEN
    CREATE UNIQUE INDEX ix_plan_items_plan_id_ordinal ON plan_items (plan_id, ordinal);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261124012818_Initial') THEN
    CREATE INDEX ix_plan_items_plan_id_quarter ON plan_items (plan_id, quarter);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261124012818_Initial') THEN
    CREATE INDEX ix_plan_items_plan_id_status ON plan_items (plan_id, status);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261124012818_Initial') THEN
    CREATE INDEX ix_plan_items_search_key ON plan_items USING gin (search_key gin_trgm_ops);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261124012818_Initial') THEN
    CREATE UNIQUE INDEX ix_plans_issuer_id_number_issued_year ON plans (issuer_id, number, issued_year);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261124012818_Initial') THEN
    CREATE INDEX ix_plans_search_key ON plans USING gin (search_key gin_trgm_ops);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261124012818_Initial') THEN
    CREATE INDEX ix_plans_year_lifecycle ON plans (year, lifecycle);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261124012818_Initial') THEN
    CREATE INDEX ix_progress_reports_plan_item_id_reported_at ON progress_reports (plan_item_id, reported_at);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261124012818_Initial') THEN
    CREATE INDEX ix_progress_reports_reporting_agency_id ON progress_reports (reporting_agency_id);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261124012818_Initial') THEN
    INSERT INTO "__EFMigrationsHistory" (migration_id, product_version)
    VALUES ('20261124012818_Initial', '10.0.15');
    END IF;
END $EF$;
COMMIT;

START TRANSACTION;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261124020304_AgencyVerification') THEN
    ALTER TABLE agencies ADD verified boolean NOT NULL DEFAULT TRUE;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261124020304_AgencyVerification') THEN
    INSERT INTO "__EFMigrationsHistory" (migration_id, product_version)
    VALUES ('20261124020304_AgencyVerification', '10.0.15');
    END IF;
END $EF$;
COMMIT;

START TRANSACTION;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261124041350_ChangeFeedPositions') THEN
    ALTER TABLE change_records ALTER COLUMN sequence DROP IDENTITY;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261124041350_ChangeFeedPositions') THEN
    CREATE TABLE change_feed_origin (
        singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
        base bigint NOT NULL);
    INSERT INTO change_feed_origin (base) SELECT coalesce(max(sequence), 0) FROM change_records;

    CREATE FUNCTION change_records_assign_sequence() RETURNS trigger LANGUAGE plpgsql AS $fn$
    DECLARE
        n bigint := coalesce(nullif(current_setting('planapi.change_index', true), ''), '0')::bigint + 1;
    BEGIN
        IF NEW.sequence IS NOT NULL THEN
            RETURN NEW;
        END IF;
        IF n >= 1048576 THEN
            RAISE EXCEPTION 'A transaction may record at most 1048575 changes.';
        END IF;
        PERFORM set_config('planapi.change_index', n::text, true);
        NEW.sequence := (SELECT base FROM change_feed_origin) + (pg_current_xact_id()::text::bigint << 20) + n;
        RETURN NEW;
    END
    $fn$;

    CREATE TRIGGER change_records_assign_sequence BEFORE INSERT ON change_records
        FOR EACH ROW EXECUTE FUNCTION change_records_assign_sequence();

    -- The oldest transaction still running in the calling statement's snapshot (STABLE: the caller's
    -- snapshot), or the next one to start; those of other databases left out when pg_stat_activity shows
    -- them there (they never write this feed). PL/pgSQL, so that its queries are planned once per session.
    CREATE FUNCTION change_feed_horizon() RETURNS bigint LANGUAGE plpgsql STABLE AS $fn$
    DECLARE
        snapshot pg_snapshot := pg_current_snapshot();
        oldest bigint;
    BEGIN
        IF pg_snapshot_xmin(snapshot) <> pg_snapshot_xmax(snapshot) THEN
            SELECT min(x::text::bigint) INTO oldest FROM pg_snapshot_xip(snapshot) AS x
            WHERE NOT EXISTS (SELECT 1 FROM pg_stat_activity a
                              WHERE a.backend_xid = x::xid AND a.datname IS DISTINCT FROM current_database());
        END IF;
        RETURN (SELECT base FROM change_feed_origin)
            + (coalesce(oldest, pg_snapshot_xmax(snapshot)::text::bigint) << 20);
    END
    $fn$;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261124041350_ChangeFeedPositions') THEN
    INSERT INTO "__EFMigrationsHistory" (migration_id, product_version)
    VALUES ('20261124041350_ChangeFeedPositions', '10.0.15');
    END IF;
END $EF$;
COMMIT;

START TRANSACTION;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261124070830_AgencyItemsIndex') THEN
    CREATE TABLE plan_item_agencies (
        agency_id uuid NOT NULL,
        plan_item_id uuid NOT NULL,
        leads boolean NOT NULL,
        plan_is_draft boolean NOT NULL,
        due_end date NOT NULL,
        plan_id uuid NOT NULL,
        ordinal integer NOT NULL,
        CONSTRAINT pk_plan_item_agencies PRIMARY KEY (agency_id, plan_item_id),
        CONSTRAINT fk_plan_item_agencies_agencies_agency_id FOREIGN KEY (agency_id) REFERENCES agencies (id) ON DELETE RESTRICT,
        CONSTRAINT fk_plan_item_agencies_plan_items_plan_item_id FOREIGN KEY (plan_item_id) REFERENCES plan_items (id) ON DELETE CASCADE,
        CONSTRAINT fk_plan_item_agencies_plans_plan_id FOREIGN KEY (plan_id) REFERENCES plans (id) ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261124070830_AgencyItemsIndex') THEN
    CREATE INDEX ix_plan_item_agencies_agency_list ON plan_item_agencies (agency_id, plan_is_draft, due_end, plan_id, ordinal) INCLUDE (plan_item_id, leads);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261124070830_AgencyItemsIndex') THEN
    CREATE INDEX ix_plan_item_agencies_plan_id ON plan_item_agencies (plan_id);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261124070830_AgencyItemsIndex') THEN
    CREATE INDEX ix_plan_item_agencies_plan_item_id ON plan_item_agencies (plan_item_id);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261124070830_AgencyItemsIndex') THEN
    CREATE FUNCTION plan_item_agencies_of(item uuid)
    RETURNS TABLE (agency_id uuid, plan_item_id uuid, leads boolean, plan_is_draft boolean, due_end date, plan_id uuid, ordinal integer)
    LANGUAGE sql STABLE AS $$
        SELECT DISTINCT ON (a.agency_id) a.agency_id, i.id, a.leads, p.lifecycle = 'draft', i.due_end, i.plan_id, i.ordinal
        FROM plan_items i
        JOIN plans p ON p.id = i.plan_id
        CROSS JOIN LATERAL (
            SELECT i.lead_agency_id AS agency_id, true AS leads
            UNION ALL
            SELECT c.agency_id, false FROM plan_item_coordinators c WHERE c.plan_item_id = i.id
        ) a
        WHERE i.id = item
        ORDER BY a.agency_id, a.leads DESC;
    $$;

    CREATE FUNCTION plan_item_agencies_refresh(item uuid) RETURNS void LANGUAGE sql AS $$
        DELETE FROM plan_item_agencies WHERE plan_item_id = item;
        INSERT INTO plan_item_agencies (agency_id, plan_item_id, leads, plan_is_draft, due_end, plan_id, ordinal)
        SELECT * FROM plan_item_agencies_of(item);
    $$;

    CREATE FUNCTION plan_items_refresh_agencies() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        PERFORM plan_item_agencies_refresh(NEW.id);
        RETURN NULL;
    END $$;

    CREATE FUNCTION plan_item_coordinators_refresh_agencies() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP <> 'INSERT' THEN PERFORM plan_item_agencies_refresh(OLD.plan_item_id); END IF;
        IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW.plan_item_id <> OLD.plan_item_id) THEN
            PERFORM plan_item_agencies_refresh(NEW.plan_item_id);
        END IF;
        RETURN NULL;
    END $$;

    CREATE FUNCTION plans_refresh_agencies() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        UPDATE plan_item_agencies SET plan_is_draft = NEW.lifecycle = 'draft'
        WHERE plan_id = NEW.id AND plan_is_draft IS DISTINCT FROM (NEW.lifecycle = 'draft');
        RETURN NULL;
    END $$;

    CREATE TRIGGER plan_items_agencies AFTER INSERT OR UPDATE OF lead_agency_id, due_end, plan_id, ordinal ON plan_items
        FOR EACH ROW EXECUTE FUNCTION plan_items_refresh_agencies();
    CREATE TRIGGER plan_item_coordinators_agencies AFTER INSERT OR UPDATE OR DELETE ON plan_item_coordinators
        FOR EACH ROW EXECUTE FUNCTION plan_item_coordinators_refresh_agencies();
    CREATE TRIGGER plans_agencies AFTER UPDATE OF lifecycle ON plans
        FOR EACH ROW EXECUTE FUNCTION plans_refresh_agencies();

    INSERT INTO plan_item_agencies (agency_id, plan_item_id, leads, plan_is_draft, due_end, plan_id, ordinal)
    SELECT a.* FROM plan_items i CROSS JOIN LATERAL plan_item_agencies_of(i.id) a;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261124070830_AgencyItemsIndex') THEN
    INSERT INTO "__EFMigrationsHistory" (migration_id, product_version)
    VALUES ('20261124070830_AgencyItemsIndex', '10.0.15');
    END IF;
END $EF$;
COMMIT;

START TRANSACTION;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261124081834_AgencyItemsIndexWriters') THEN
    CREATE OR REPLACE FUNCTION plan_item_agencies_refresh(item uuid) RETURNS void LANGUAGE sql AS $$
        SELECT pg_advisory_xact_lock_shared(hashtextextended('plan_item_agencies ' || i.plan_id::text, 0))
        FROM plan_items i WHERE i.id = item;
        SELECT 1 FROM plan_items WHERE id = item FOR NO KEY UPDATE;
        DELETE FROM plan_item_agencies WHERE plan_item_id = item;
        INSERT INTO plan_item_agencies (agency_id, plan_item_id, leads, plan_is_draft, due_end, plan_id, ordinal)
        SELECT * FROM plan_item_agencies_of(item);
    $$;

    CREATE OR REPLACE FUNCTION plans_refresh_agencies() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        PERFORM pg_advisory_xact_lock(hashtextextended('plan_item_agencies ' || NEW.id::text, 0));
        UPDATE plan_item_agencies SET plan_is_draft = NEW.lifecycle = 'draft'
        WHERE plan_id = NEW.id AND plan_is_draft IS DISTINCT FROM (NEW.lifecycle = 'draft');
        RETURN NULL;
    END $$;

    DROP TRIGGER plan_item_coordinators_agencies ON plan_item_coordinators;
    CREATE TRIGGER plan_item_coordinators_agencies AFTER INSERT OR DELETE OR UPDATE OF plan_item_id, agency_id ON plan_item_coordinators
        FOR EACH ROW EXECUTE FUNCTION plan_item_coordinators_refresh_agencies();
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261124081834_AgencyItemsIndexWriters') THEN
    INSERT INTO "__EFMigrationsHistory" (migration_id, product_version)
    VALUES ('20261124081834_AgencyItemsIndexWriters', '10.0.15');
    END IF;
END $EF$;
COMMIT;

START TRANSACTION;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261203141307_Jurisdictions') THEN
    ALTER TABLE progress_reports ADD on_behalf_of_agency_id uuid;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261203141307_Jurisdictions') THEN
    ALTER TABLE agencies ADD former_names text[] NOT NULL DEFAULT ('{}'::text[]);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261203141307_Jurisdictions') THEN
    ALTER TABLE agencies ADD identifier_code character varying(32);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261203141307_Jurisdictions') THEN
    ALTER TABLE agencies ADD jurisdiction_code character varying(8);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261203141307_Jurisdictions') THEN
    ALTER TABLE agencies ADD jurisdiction_province_code character varying(8);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261203141307_Jurisdictions') THEN
    ALTER TABLE agencies ADD valid_from date;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261203141307_Jurisdictions') THEN
    ALTER TABLE agencies ADD valid_until date;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261203141307_Jurisdictions') THEN
    CREATE TABLE administrative_units (
        id integer NOT NULL,
        code character varying(8) NOT NULL,
        level character varying(16) NOT NULL,
        name character varying(500) NOT NULL,
        full_name character varying(500) NOT NULL,
        type character varying(32) NOT NULL,
        parent_id integer,
        province_code character varying(8) NOT NULL,
        valid_from date,
        valid_until date,
        search_key text NOT NULL,
        CONSTRAINT pk_administrative_units PRIMARY KEY (id),
        CONSTRAINT fk_administrative_units_administrative_units_parent_id FOREIGN KEY (parent_id) REFERENCES administrative_units (id) ON DELETE RESTRICT
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261203141307_Jurisdictions') THEN
    CREATE TABLE agency_successions (
        predecessor_id uuid NOT NULL,
        successor_id uuid NOT NULL,
        kind character varying(16) NOT NULL,
        effective_on date NOT NULL,
        CONSTRAINT pk_agency_successions PRIMARY KEY (predecessor_id, successor_id),
        CONSTRAINT ck_agency_successions_not_self CHECK (predecessor_id <> successor_id),
        CONSTRAINT fk_agency_successions_agencies_predecessor_id FOREIGN KEY (predecessor_id) REFERENCES agencies (id) ON DELETE CASCADE,
        CONSTRAINT fk_agency_successions_agencies_successor_id FOREIGN KEY (successor_id) REFERENCES agencies (id) ON DELETE RESTRICT
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261203141307_Jurisdictions') THEN
    CREATE TABLE administrative_unit_successions (
        predecessor_id integer NOT NULL,
        successor_id integer NOT NULL,
        kind character varying(16) NOT NULL,
        effective_on date NOT NULL,
        CONSTRAINT pk_administrative_unit_successions PRIMARY KEY (predecessor_id, successor_id),
        CONSTRAINT fk_administrative_unit_successions_administrative_units_predec FOREIGN KEY (predecessor_id) REFERENCES administrative_units (id) ON DELETE CASCADE,
        CONSTRAINT fk_administrative_unit_successions_administrative_units_succes FOREIGN KEY (successor_id) REFERENCES administrative_units (id) ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261203141307_Jurisdictions') THEN
    CREATE INDEX ix_progress_reports_on_behalf_of_agency_id ON progress_reports (on_behalf_of_agency_id);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261203141307_Jurisdictions') THEN
    CREATE UNIQUE INDEX ix_agencies_identifier_code ON agencies (identifier_code);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261203141307_Jurisdictions') THEN
    CREATE INDEX ix_agencies_jurisdiction_province_code_jurisdiction_code ON agencies (jurisdiction_province_code, jurisdiction_code);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261203141307_Jurisdictions') THEN
    ALTER TABLE agencies ADD CONSTRAINT ck_agencies_validity CHECK (valid_from IS NULL OR valid_until IS NULL OR valid_from <= valid_until);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261203141307_Jurisdictions') THEN
    CREATE INDEX ix_administrative_unit_successions_successor_id ON administrative_unit_successions (successor_id);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261203141307_Jurisdictions') THEN
    CREATE UNIQUE INDEX ix_administrative_units_code_valid_from ON administrative_units (code, valid_from) NULLS NOT DISTINCT;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261203141307_Jurisdictions') THEN
    CREATE INDEX ix_administrative_units_parent_id ON administrative_units (parent_id);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261203141307_Jurisdictions') THEN
    CREATE INDEX ix_administrative_units_province_code_level ON administrative_units (province_code, level);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261203141307_Jurisdictions') THEN
    CREATE INDEX ix_administrative_units_search_key ON administrative_units USING gin (search_key gin_trgm_ops);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261203141307_Jurisdictions') THEN
    CREATE INDEX ix_agency_successions_successor_id ON agency_successions (successor_id);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261203141307_Jurisdictions') THEN
    ALTER TABLE progress_reports ADD CONSTRAINT fk_progress_reports_agencies_on_behalf_of_agency_id FOREIGN KEY (on_behalf_of_agency_id) REFERENCES agencies (id) ON DELETE RESTRICT;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261203141307_Jurisdictions') THEN
    UPDATE agencies a SET jurisdiction_code = d.unit, jurisdiction_province_code = d.province
    FROM (VALUES
        ('ninh-kieu', '916', '92'), ('o-mon', '917', '92'), ('binh-thuy', '918', '92'), ('cai-rang', '919', '92'),
        ('thot-not', '923', '92'), ('vinh-thanh', '924', '92'), ('co-do', '925', '92'), ('phong-dien', '926', '92'),
        ('thoi-lai', '927', '92'), ('ubnd-ha-noi', '01', '01'), ('ubnd-tp-ho-chi-minh', '79', '79'),
        ('ubnd-hai-phong', '31', '31'), ('ubnd-da-nang', '48', '48')) AS d(code, unit, province)
    WHERE a.code = d.code;
    UPDATE agencies SET jurisdiction_code = '92', jurisdiction_province_code = '92'
    WHERE jurisdiction_code IS NULL AND verified AND kind NOT IN ('central_body', 'external');
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261203141307_Jurisdictions') THEN
    INSERT INTO "__EFMigrationsHistory" (migration_id, product_version)
    VALUES ('20261203141307_Jurisdictions', '10.0.15');
    END IF;
END $EF$;
COMMIT;

START TRANSACTION;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261203150836_CollectiveAssignees') THEN
    ALTER TABLE agencies ADD collective_scope character varying(32);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261203150836_CollectiveAssignees') THEN
    ALTER TABLE agencies ADD CONSTRAINT ck_agencies_collective CHECK ((kind = 'collective') = (collective_scope IS NOT NULL));

    -- The members of a collective assignee on a day: the agencies of its jurisdiction its scope names,
    -- valid that day. Empty for an agency that is not a set.
    CREATE FUNCTION agency_set_members(set_id uuid, on_day date) RETURNS SETOF uuid LANGUAGE sql STABLE AS $$
        SELECT m.id
        FROM agencies s
        JOIN agencies m ON m.id <> s.id AND m.kind <> 'collective'
            AND m.jurisdiction_province_code = s.jurisdiction_province_code
            AND (m.valid_from IS NULL OR m.valid_from <= on_day) AND (m.valid_until IS NULL OR m.valid_until >= on_day)
        WHERE s.id = set_id AND s.collective_scope IS NOT NULL AND (
            (s.collective_scope IN ('departments', 'local_bodies')
                AND m.kind = 'department' AND m.jurisdiction_code = s.jurisdiction_code)
            OR (s.collective_scope IN ('district_committees', 'local_bodies') AND length(s.jurisdiction_code) = 2
                AND m.kind IN ('government', 'district') AND length(m.jurisdiction_code) = 3)
            OR (s.collective_scope IN ('commune_committees', 'local_bodies')
                AND m.kind IN ('government', 'district') AND length(m.jurisdiction_code) = 5
                AND (length(s.jurisdiction_code) = 2 OR EXISTS (
                    SELECT 1 FROM administrative_units u JOIN administrative_units d ON d.id = u.parent_id
                    WHERE u.code = m.jurisdiction_code AND d.code = s.jurisdiction_code
                        AND (u.valid_from IS NULL OR u.valid_from <= on_day) AND (u.valid_until IS NULL OR u.valid_until >= on_day)))));
    $$;

    -- An item's agencies: its lead and co-operating agencies as named, and the members of any set among
    -- them on the plan's date of issue (in the role the set has).
    CREATE OR REPLACE FUNCTION plan_item_agencies_of(item uuid)
    RETURNS TABLE (agency_id uuid, plan_item_id uuid, leads boolean, plan_is_draft boolean, due_end date, plan_id uuid, ordinal integer)
    LANGUAGE sql STABLE AS $$
        SELECT DISTINCT ON (a.agency_id) a.agency_id, i.id, a.leads, p.lifecycle = 'draft', i.due_end, i.plan_id, i.ordinal
        FROM plan_items i
        JOIN plans p ON p.id = i.plan_id
        CROSS JOIN LATERAL (
            SELECT i.lead_agency_id AS agency_id, true AS leads
            UNION ALL
            SELECT c.agency_id, false FROM plan_item_coordinators c WHERE c.plan_item_id = i.id
        ) named
        CROSS JOIN LATERAL (
            SELECT named.agency_id, named.leads
            UNION ALL
            SELECT m, named.leads FROM agency_set_members(named.agency_id, p.issued_on) m
        ) a
        WHERE i.id = item
        ORDER BY a.agency_id, a.leads DESC;
    $$;

    -- A set's members change when an agency of its province is added, ends or moves: the items that name a
    -- set of that province are indexed again, so a new member sees them and an ended one keeps its rows only
    -- where the plan's date falls in its life.
    CREATE FUNCTION agencies_refresh_sets() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        PERFORM plan_item_agencies_refresh(i.id)
        FROM plan_items i
        WHERE EXISTS (
            SELECT 1 FROM agencies s
            WHERE s.kind = 'collective' AND s.id <> NEW.id
                AND s.jurisdiction_province_code IN (NEW.jurisdiction_province_code, CASE WHEN TG_OP = 'UPDATE' THEN OLD.jurisdiction_province_code END)
                AND (s.id = i.lead_agency_id OR EXISTS (SELECT 1 FROM plan_item_coordinators c WHERE c.plan_item_id = i.id AND c.agency_id = s.id)));
        RETURN NULL;
    END $$;

    CREATE TRIGGER agencies_sets AFTER INSERT OR UPDATE OF kind, jurisdiction_code, jurisdiction_province_code, valid_from, valid_until ON agencies
        FOR EACH ROW EXECUTE FUNCTION agencies_refresh_sets();
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261203150836_CollectiveAssignees') THEN
    INSERT INTO "__EFMigrationsHistory" (migration_id, product_version)
    VALUES ('20261203150836_CollectiveAssignees', '10.0.15');
    END IF;
END $EF$;
COMMIT;

START TRANSACTION;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261203150937_ItemGroups') THEN
    ALTER TABLE plan_items ADD group_label character varying(50);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261203150937_ItemGroups') THEN
    ALTER TABLE plan_items ADD group_title character varying(500);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261203150937_ItemGroups') THEN
    ALTER TABLE plan_items ADD label character varying(50);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261203150937_ItemGroups') THEN
    INSERT INTO "__EFMigrationsHistory" (migration_id, product_version)
    VALUES ('20261203150937_ItemGroups', '10.0.15');
    END IF;
END $EF$;
COMMIT;

START TRANSACTION;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261203151931_DueKinds') THEN
    ALTER TABLE plan_items ADD due_every_day integer;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261203151931_DueKinds') THEN
    ALTER TABLE plan_items ADD due_every_month integer;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261203151931_DueKinds') THEN
    ALTER TABLE plan_items ADD due_frequency character varying(16);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261203151931_DueKinds') THEN
    ALTER TABLE plan_items ADD due_kind character varying(16);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261203151931_DueKinds') THEN
    ALTER TABLE plan_items ADD overdue_days datemultirange;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261203151931_DueKinds') THEN
    UPDATE plan_items SET
        due_kind = CASE WHEN due_year IS NOT NULL THEN 'month' END,
        overdue_days = datemultirange(daterange(due_end + 1, NULL, '[)'));
    ALTER TABLE plan_items ALTER COLUMN overdue_days SET NOT NULL;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261203151931_DueKinds') THEN
    INSERT INTO "__EFMigrationsHistory" (migration_id, product_version)
    VALUES ('20261203151931_DueKinds', '10.0.15');
    END IF;
END $EF$;
COMMIT;

START TRANSACTION;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261203170841_FunctionsAndTriggersFromFiles') THEN
    -- The lock that keeps the agencies' to-do list index (plan_item_agencies) in step with a plan's lifecycle: an item's
    -- refresh holds it shared on the item's plan, a change of the plan's lifecycle holds it exclusively, each until its
    -- transaction ends. The API takes it exclusively before it locks the plan's row, so neither waits on the other in a
    -- cycle. The only place its key is written; callers name the function.
    CREATE OR REPLACE FUNCTION plan_item_agencies_lock(plan_id uuid, shared boolean DEFAULT false) RETURNS void
    LANGUAGE plpgsql AS $$
    DECLARE
        lock_key constant bigint := hashtextextended('plan_item_agencies ' || plan_id::text, 0);
    BEGIN
        IF shared THEN
            PERFORM pg_advisory_xact_lock_shared(lock_key);
        ELSE
            PERFORM pg_advisory_xact_lock(lock_key);
        END IF;
    END $$;

    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261203170841_FunctionsAndTriggersFromFiles') THEN
    -- Serialises the requests of one client (scope) with one Idempotency-Key: the lock lasts until the transaction ends,
    -- so a retry waits for its first attempt (bounded by the caller's lock_timeout) and then replays its answer. The only
    -- place its key is written; callers name the function.
    CREATE OR REPLACE FUNCTION idempotency_lock(scope text, key text) RETURNS void
    LANGUAGE sql AS $$
        SELECT pg_advisory_xact_lock(hashtextextended(scope || E'\n' || key, 0));
    $$;

    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261203170841_FunctionsAndTriggersFromFiles') THEN
    -- Gives each change-feed entry its position without a lock shared by writers: the highest position handed out before
    -- positions came from transactions (change_feed_origin.base), plus the writing transaction's id shifted by 20 bits,
    -- plus the entry's place within the transaction. Readers list positions below change_feed_horizon() only.
    CREATE OR REPLACE FUNCTION change_records_assign_sequence() RETURNS trigger
    LANGUAGE plpgsql AS $$
    DECLARE
        n bigint := coalesce(nullif(current_setting('planapi.change_index', true), ''), '0')::bigint + 1;
    BEGIN
        IF NEW.sequence IS NOT NULL THEN
            RETURN NEW;
        END IF;
        IF n >= 1048576 THEN
            RAISE EXCEPTION 'A transaction may record at most 1048575 changes.';
        END IF;
        PERFORM set_config('planapi.change_index', n::text, true);
        NEW.sequence := (SELECT base FROM change_feed_origin) + (pg_current_xact_id()::text::bigint << 20) + n;
        RETURN NEW;
    END
    $$;

    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261203170841_FunctionsAndTriggersFromFiles') THEN
    -- The change-feed position below which no transaction still running can add an entry: that of the oldest transaction
    -- still running in the calling statement's snapshot (STABLE: the caller's snapshot), or of the next one to start;
    -- those of other databases left out when pg_stat_activity shows them there (they never write this feed). The feed
    -- lists positions below it only, so a poller that continues from its cursor never misses or repeats a change.
    -- PL/pgSQL, so that its queries are planned once per session.
    CREATE OR REPLACE FUNCTION change_feed_horizon() RETURNS bigint
    LANGUAGE plpgsql STABLE AS $$
    DECLARE
        snapshot pg_snapshot := pg_current_snapshot();
        oldest bigint;
    BEGIN
        IF pg_snapshot_xmin(snapshot) <> pg_snapshot_xmax(snapshot) THEN
            SELECT min(x::text::bigint) INTO oldest FROM pg_snapshot_xip(snapshot) AS x
            WHERE NOT EXISTS (SELECT 1 FROM pg_stat_activity a
                              WHERE a.backend_xid = x::xid AND a.datname IS DISTINCT FROM current_database());
        END IF;
        RETURN (SELECT base FROM change_feed_origin)
            + (coalesce(oldest, pg_snapshot_xmax(snapshot)::text::bigint) << 20);
    END
    $$;

    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261203170841_FunctionsAndTriggersFromFiles') THEN
    -- The members of a collective assignee ("các sở, ban, ngành", "UBND các xã, phường" …) on a day: the agencies of its
    -- jurisdiction its scope names, valid that day. Empty for an agency that is not a set.
    CREATE OR REPLACE FUNCTION agency_set_members(set_id uuid, on_day date) RETURNS SETOF uuid
    LANGUAGE sql STABLE AS $$
        SELECT m.id
        FROM agencies s
        JOIN agencies m ON m.id <> s.id AND m.kind <> 'collective'
            AND m.jurisdiction_province_code = s.jurisdiction_province_code
            AND (m.valid_from IS NULL OR m.valid_from <= on_day) AND (m.valid_until IS NULL OR m.valid_until >= on_day)
        WHERE s.id = set_id AND s.collective_scope IS NOT NULL AND (
            (s.collective_scope IN ('departments', 'local_bodies')
                AND m.kind = 'department' AND m.jurisdiction_code = s.jurisdiction_code)
            OR (s.collective_scope IN ('district_committees', 'local_bodies') AND length(s.jurisdiction_code) = 2
                AND m.kind IN ('government', 'district') AND length(m.jurisdiction_code) = 3)
            OR (s.collective_scope IN ('commune_committees', 'local_bodies')
                AND m.kind IN ('government', 'district') AND length(m.jurisdiction_code) = 5
                AND (length(s.jurisdiction_code) = 2 OR EXISTS (
                    SELECT 1 FROM administrative_units u JOIN administrative_units d ON d.id = u.parent_id
                    WHERE u.code = m.jurisdiction_code AND d.code = s.jurisdiction_code
                        AND (u.valid_from IS NULL OR u.valid_from <= on_day) AND (u.valid_until IS NULL OR u.valid_until >= on_day)))));
    $$;

    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261203170841_FunctionsAndTriggersFromFiles') THEN
    -- An item's rows of the agencies' to-do list index (plan_item_agencies): its lead and co-operating agencies as named,
    -- and the members of any set among them on the plan's date of issue (in the role the set has); an agency named both
    -- ways leads.
    CREATE OR REPLACE FUNCTION plan_item_agencies_of(item uuid)
    RETURNS TABLE (agency_id uuid, plan_item_id uuid, leads boolean, plan_is_draft boolean, due_end date, plan_id uuid, ordinal integer)
    LANGUAGE sql STABLE AS $$
        SELECT DISTINCT ON (a.agency_id) a.agency_id, i.id, a.leads, p.lifecycle = 'draft', i.due_end, i.plan_id, i.ordinal
        FROM plan_items i
        JOIN plans p ON p.id = i.plan_id
        CROSS JOIN LATERAL (
            SELECT i.lead_agency_id AS agency_id, true AS leads
            UNION ALL
            SELECT c.agency_id, false FROM plan_item_coordinators c WHERE c.plan_item_id = i.id
        ) named
        CROSS JOIN LATERAL (
            SELECT named.agency_id, named.leads
            UNION ALL
            SELECT m, named.leads FROM agency_set_members(named.agency_id, p.issued_on) m
        ) a
        WHERE i.id = item
        ORDER BY a.agency_id, a.leads DESC;
    $$;

    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261203170841_FunctionsAndTriggersFromFiles') THEN
    -- Recomputes an item's rows of the agencies' to-do list index from the item, its coordinators and its plan. Concurrent
    -- writers of one item, or of an item while its plan's lifecycle changes, each see the other's committed rows: it locks
    -- the item's row and holds the plan's plan_item_agencies_lock shared.
    CREATE OR REPLACE FUNCTION plan_item_agencies_refresh(item uuid) RETURNS void
    LANGUAGE sql AS $$
        SELECT plan_item_agencies_lock(i.plan_id, shared => true) FROM plan_items i WHERE i.id = item;
        SELECT 1 FROM plan_items WHERE id = item FOR NO KEY UPDATE;
        DELETE FROM plan_item_agencies WHERE plan_item_id = item;
        INSERT INTO plan_item_agencies (agency_id, plan_item_id, leads, plan_is_draft, due_end, plan_id, ordinal)
        SELECT * FROM plan_item_agencies_of(item);
    $$;

    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261203170841_FunctionsAndTriggersFromFiles') THEN
    -- Trigger function of plan_items_agencies: an item written (whichever way: API, import, SQL) is indexed again.
    CREATE OR REPLACE FUNCTION plan_items_refresh_agencies() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
        PERFORM plan_item_agencies_refresh(NEW.id);
        RETURN NULL;
    END $$;

    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261203170841_FunctionsAndTriggersFromFiles') THEN
    -- Trigger function of plan_item_coordinators_agencies: the item a coordinator is added to, removed from or moved
    -- between is indexed again (both items of a move).
    CREATE OR REPLACE FUNCTION plan_item_coordinators_refresh_agencies() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP <> 'INSERT' THEN PERFORM plan_item_agencies_refresh(OLD.plan_item_id); END IF;
        IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW.plan_item_id <> OLD.plan_item_id) THEN
            PERFORM plan_item_agencies_refresh(NEW.plan_item_id);
        END IF;
        RETURN NULL;
    END $$;

    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261203170841_FunctionsAndTriggersFromFiles') THEN
    -- Trigger function of plans_agencies: a plan's lifecycle change marks its items' index rows draft or not, after item
    -- writes of the plan in progress have committed (plan_item_agencies_lock, exclusively).
    CREATE OR REPLACE FUNCTION plans_refresh_agencies() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
        PERFORM plan_item_agencies_lock(NEW.id);
        UPDATE plan_item_agencies SET plan_is_draft = NEW.lifecycle = 'draft'
        WHERE plan_id = NEW.id AND plan_is_draft IS DISTINCT FROM (NEW.lifecycle = 'draft');
        RETURN NULL;
    END $$;

    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261203170841_FunctionsAndTriggersFromFiles') THEN
    -- Trigger function of agencies_sets: a set's members change when an agency of its province is added, ends or moves,
    -- so the items that name a set of that province (the old one too, after a move) are indexed again: a new member sees
    -- them, and an ended one keeps its rows only where the plan's date falls in its life.
    CREATE OR REPLACE FUNCTION agencies_refresh_sets() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
        PERFORM plan_item_agencies_refresh(i.id)
        FROM plan_items i
        WHERE EXISTS (
            SELECT 1 FROM agencies s
            WHERE s.kind = 'collective' AND s.id <> NEW.id
                AND s.jurisdiction_province_code IN (NEW.jurisdiction_province_code, CASE WHEN TG_OP = 'UPDATE' THEN OLD.jurisdiction_province_code END)
                AND (s.id = i.lead_agency_id OR EXISTS (SELECT 1 FROM plan_item_coordinators c WHERE c.plan_item_id = i.id AND c.agency_id = s.id)));
        RETURN NULL;
    END $$;

    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261203170841_FunctionsAndTriggersFromFiles') THEN
    -- Every change-feed entry gets its position as it is written (function change_records_assign_sequence).
    CREATE OR REPLACE TRIGGER change_records_assign_sequence BEFORE INSERT ON change_records
        FOR EACH ROW EXECUTE FUNCTION change_records_assign_sequence();

    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261203170841_FunctionsAndTriggersFromFiles') THEN
    -- The agencies' to-do list index follows each write of an item's lead, due date, plan or ordinal
    -- (function plan_items_refresh_agencies).
    CREATE OR REPLACE TRIGGER plan_items_agencies AFTER INSERT OR UPDATE OF lead_agency_id, due_end, plan_id, ordinal ON plan_items
        FOR EACH ROW EXECUTE FUNCTION plan_items_refresh_agencies();

    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261203170841_FunctionsAndTriggersFromFiles') THEN
    -- The agencies' to-do list index follows each coordinator added, removed or moved to another item or agency; a
    -- coordinator's position alone does not change it (function plan_item_coordinators_refresh_agencies).
    CREATE OR REPLACE TRIGGER plan_item_coordinators_agencies AFTER INSERT OR DELETE OR UPDATE OF plan_item_id, agency_id ON plan_item_coordinators
        FOR EACH ROW EXECUTE FUNCTION plan_item_coordinators_refresh_agencies();

    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261203170841_FunctionsAndTriggersFromFiles') THEN
    -- The agencies' to-do list index follows a plan's lifecycle: drafts are left out of to-do lists
    -- (function plans_refresh_agencies).
    CREATE OR REPLACE TRIGGER plans_agencies AFTER UPDATE OF lifecycle ON plans
        FOR EACH ROW EXECUTE FUNCTION plans_refresh_agencies();

    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261203170841_FunctionsAndTriggersFromFiles') THEN
    -- Sets follow their province: an agency added, ended or moved re-indexes the items that name a set of its province
    -- (function agencies_refresh_sets).
    CREATE OR REPLACE TRIGGER agencies_sets AFTER INSERT OR UPDATE OF kind, jurisdiction_code, jurisdiction_province_code, valid_from, valid_until ON agencies
        FOR EACH ROW EXECUTE FUNCTION agencies_refresh_sets();

    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261203170841_FunctionsAndTriggersFromFiles') THEN
    INSERT INTO "__EFMigrationsHistory" (migration_id, product_version)
    VALUES ('20261203170841_FunctionsAndTriggersFromFiles', '10.0.15');
    END IF;
END $EF$;
COMMIT;

START TRANSACTION;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261203171116_IdempotencyRecordsHoldResults') THEN
    ALTER TABLE idempotency_records DROP COLUMN content_type;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261203171116_IdempotencyRecordsHoldResults') THEN
    ALTER TABLE idempotency_records DROP COLUMN location;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261203171116_IdempotencyRecordsHoldResults') THEN
    ALTER TABLE idempotency_records DROP COLUMN status_code;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261203171116_IdempotencyRecordsHoldResults') THEN
    INSERT INTO "__EFMigrationsHistory" (migration_id, product_version)
    VALUES ('20261203171116_IdempotencyRecordsHoldResults', '10.0.15');
    END IF;
END $EF$;
COMMIT;

START TRANSACTION;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261203195440_Webhooks') THEN
    CREATE TABLE webhook_subscriptions (
        id uuid NOT NULL,
        url character varying(2000) NOT NULL,
        description character varying(500),
        event_types text[] NOT NULL,
        plan_id uuid,
        agency_id uuid,
        owner_agency_id uuid,
        secret character varying(128) NOT NULL,
        previous_secret character varying(128),
        previous_secret_expires_at timestamp with time zone,
        state character varying(16) NOT NULL,
        last_error character varying(500),
        cursor bigint NOT NULL,
        reminders_from date NOT NULL,
        reminders_checked_at timestamp with time zone,
        next_attempt_at timestamp with time zone NOT NULL,
        lease_until timestamp with time zone,
        created_at timestamp with time zone NOT NULL,
        updated_at timestamp with time zone NOT NULL,
        CONSTRAINT pk_webhook_subscriptions PRIMARY KEY (id),
        CONSTRAINT fk_webhook_subscriptions_agencies_agency_id FOREIGN KEY (agency_id) REFERENCES agencies (id) ON DELETE RESTRICT,
        CONSTRAINT fk_webhook_subscriptions_agencies_owner_agency_id FOREIGN KEY (owner_agency_id) REFERENCES agencies (id) ON DELETE RESTRICT,
        CONSTRAINT fk_webhook_subscriptions_plans_plan_id FOREIGN KEY (plan_id) REFERENCES plans (id) ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261203195440_Webhooks') THEN
    CREATE TABLE webhook_attempts (
        id bigint GENERATED ALWAYS AS IDENTITY,
        subscription_id uuid NOT NULL,
        event_id character varying(64) NOT NULL,
        event_type character varying(32) NOT NULL,
        attempt integer NOT NULL,
        attempted_at timestamp with time zone NOT NULL,
        status_code integer,
        latency_ms integer NOT NULL,
        succeeded boolean NOT NULL,
        error character varying(500),
        CONSTRAINT pk_webhook_attempts PRIMARY KEY (id),
        CONSTRAINT fk_webhook_attempts_webhook_subscription_subscription_id FOREIGN KEY (subscription_id) REFERENCES webhook_subscriptions (id) ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261203195440_Webhooks') THEN
    CREATE TABLE webhook_messages (
        position bigint GENERATED ALWAYS AS IDENTITY,
        subscription_id uuid NOT NULL,
        event_id character varying(64) NOT NULL,
        event_type character varying(32) NOT NULL,
        sequence bigint,
        body text NOT NULL,
        created_at timestamp with time zone NOT NULL,
        first_attempt_at timestamp with time zone,
        attempts integer NOT NULL,
        delivered_at timestamp with time zone,
        CONSTRAINT pk_webhook_messages PRIMARY KEY (position),
        CONSTRAINT fk_webhook_messages_webhook_subscription_subscription_id FOREIGN KEY (subscription_id) REFERENCES webhook_subscriptions (id) ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261203195440_Webhooks') THEN
    CREATE TABLE webhook_reminders (
        subscription_id uuid NOT NULL,
        plan_item_id uuid NOT NULL,
        due date NOT NULL,
        kind character varying(32) NOT NULL,
        created_at timestamp with time zone NOT NULL,
        CONSTRAINT pk_webhook_reminders PRIMARY KEY (subscription_id, plan_item_id, due, kind),
        CONSTRAINT fk_webhook_reminders_plan_items_plan_item_id FOREIGN KEY (plan_item_id) REFERENCES plan_items (id) ON DELETE CASCADE,
        CONSTRAINT fk_webhook_reminders_webhook_subscription_subscription_id FOREIGN KEY (subscription_id) REFERENCES webhook_subscriptions (id) ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261203195440_Webhooks') THEN
    CREATE INDEX ix_webhook_attempts_subscription_id_id ON webhook_attempts (subscription_id, id);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261203195440_Webhooks') THEN
    CREATE INDEX ix_webhook_messages_subscription_id_event_id ON webhook_messages (subscription_id, event_id);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261203195440_Webhooks') THEN
    CREATE INDEX ix_webhook_messages_subscription_id_position ON webhook_messages (subscription_id, position) WHERE delivered_at IS NULL;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261203195440_Webhooks') THEN
    CREATE INDEX ix_webhook_reminders_plan_item_id ON webhook_reminders (plan_item_id);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261203195440_Webhooks') THEN
    CREATE INDEX ix_webhook_subscriptions_agency_id ON webhook_subscriptions (agency_id);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261203195440_Webhooks') THEN
    CREATE INDEX ix_webhook_subscriptions_owner_agency_id ON webhook_subscriptions (owner_agency_id);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261203195440_Webhooks') THEN
    CREATE INDEX ix_webhook_subscriptions_plan_id ON webhook_subscriptions (plan_id);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261203195440_Webhooks') THEN
    CREATE INDEX ix_webhook_subscriptions_state_next_attempt_at ON webhook_subscriptions (state, next_attempt_at);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261203195440_Webhooks') THEN
    INSERT INTO "__EFMigrationsHistory" (migration_id, product_version)
    VALUES ('20261203195440_Webhooks', '10.0.15');
    END IF;
END $EF$;
COMMIT;

START TRANSACTION;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261203200724_ChangeFeedBootstrap') THEN
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

    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261203200724_ChangeFeedBootstrap') THEN
    DO $$ BEGIN PERFORM change_records_backfill(); END $$;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261203200724_ChangeFeedBootstrap') THEN
    INSERT INTO "__EFMigrationsHistory" (migration_id, product_version)
    VALUES ('20261203200724_ChangeFeedBootstrap', '10.0.15');
    END IF;
END $EF$;
COMMIT;

START TRANSACTION;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261203201054_IdempotencyClaimInOneRoundTrip') THEN
    INSERT INTO "__EFMigrationsHistory" (migration_id, product_version)
    VALUES ('20261203201054_IdempotencyClaimInOneRoundTrip', '10.0.15');
    END IF;
END $EF$;
COMMIT;

START TRANSACTION;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261203223827_IdempotencyResultFromAuditEntry') THEN
    ALTER TABLE idempotency_records ADD audit_entry_id uuid;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261203223827_IdempotencyResultFromAuditEntry') THEN
    ALTER TABLE idempotency_records ADD CONSTRAINT fk_idempotency_records_audit_entries_audit_entry_id
        FOREIGN KEY (audit_entry_id) REFERENCES audit_entries (id) ON DELETE RESTRICT NOT VALID;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261203223827_IdempotencyResultFromAuditEntry') THEN
    -- Takes the lock of one client's (scope) Idempotency-Key and then reads what is stored under it, in one round trip:
    -- the stored record when an earlier request with the key committed, no row otherwise. The read is a statement of its
    -- own, so it takes its snapshot after the lock is held and sees a first attempt that committed while this one waited.
    -- A record that points at an audit entry (its result is that entry's "after", stored once) gets that JSON as its body.
    CREATE OR REPLACE FUNCTION idempotency_claim(scope text, key text) RETURNS SETOF idempotency_records
    LANGUAGE plpgsql VOLATILE AS $$
    BEGIN
        PERFORM idempotency_lock(scope, key);
        RETURN QUERY
            SELECT r.scope, r.key, r.request_hash,
                   CASE WHEN r.audit_entry_id IS NULL THEN r.body ELSE convert_to(a.after::text, 'UTF8') END,
                   r.created_at, r.audit_entry_id
            FROM idempotency_records r
            LEFT JOIN audit_entries a ON a.id = r.audit_entry_id
            WHERE r.scope = idempotency_claim.scope AND r.key = idempotency_claim.key;
    END
    $$;

    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261203223827_IdempotencyResultFromAuditEntry') THEN
    INSERT INTO "__EFMigrationsHistory" (migration_id, product_version)
    VALUES ('20261203223827_IdempotencyResultFromAuditEntry', '10.0.15');
    END IF;
END $EF$;
COMMIT;

