namespace PlanApi.Bench.RawApp;

/// <summary>
/// The SQL EF Core 10 sends for each benchmark scenario, copied from the API's command log
/// (Logging__LogLevel__Microsoft.EntityFrameworkCore.Database.Command=Information). bench/sql/*.sql hold the same
/// statements for pgbench.
/// </summary>
internal static class Sql
{
    /// <summary>status: the plan (GetPlanStatusHandler)</summary>
    public const string StatusPlan = """
        SELECT p.id AS "Id", p.number AS "Number", p.title AS "Title", p.lifecycle AS "Lifecycle", p.updated_at AS "UpdatedAt"
        FROM plans AS p
        WHERE p.id = @query_PlanId AND p.lifecycle <> 'draft'
        LIMIT 2
        """;

    /// <summary>status: every item of the plan with its lead</summary>
    public const string StatusItems = """
        SELECT p.ordinal, p.quarter, p.content, p.status, p.due_end, p.due_text, p.completed_on, p.last_reported_at, p.updated_at, a.code, a.name, a.short_name
        FROM plan_items AS p
        INNER JOIN agencies AS a ON p.lead_agency_id = a.id
        WHERE p.plan_id = @plan_Id
        ORDER BY p.ordinal
        """;

    /// <summary>item by key: the item with its plan's number, lead and coordinators (GetPlanItemHandler.FindAsync as of
    /// 3a42338, an anonymous caller: drafts' items hidden)</summary>
    public const string Item = """
        SELECT s.plan_id, s.number, s.ordinal, s.quarter, s.label, s.c, s.group_label, s.group_title, s.content, s.code, s.name, s.short_name, s.lead_role, s.id, s.id0, s.id1, s0.code, s0.name, s0.short_name, s0.plan_item_id, s0.agency_id, s0.id, s.and_related_agencies, s.executing_units_text, s.due_year, s.due_month, s.due_part, s.due_text, s.due_start, s.due_end, s.c0, s.due_kind, s.c1, s.c2, s.due_frequency, s.due_every_month, s.due_every_day, s.status, s.percent_complete, s.completed_on, s.last_reported_at, s.latest_report_id, s.created_at, s.updated_at, s.xmin, s.overdue_days
        FROM (
            SELECT p.plan_id, p0.number, p.ordinal, p.quarter, p.label, p.group_title IS NULL AS c, p.group_label, p.group_title, p.content, a.code, a.name, a.short_name, p.lead_role, p.and_related_agencies, p.executing_units_text, p.due_year, p.due_month, p.due_part, p.due_text, p.due_start, p.due_end, p.due_kind IS NULL AS c0, p.due_kind, CASE
                WHEN p.due_kind = 'date' THEN p.due_start
            END AS c1, p.due_frequency IS NULL AS c2, p.due_frequency, p.due_every_month, p.due_every_day, p.status, p.percent_complete, p.completed_on, p.last_reported_at, p.latest_report_id, p.created_at, p.updated_at, p.xmin, p.overdue_days, p.id, p0.id AS id0, a.id AS id1
            FROM plan_items AS p
            INNER JOIN plans AS p0 ON p.plan_id = p0.id
            INNER JOIN agencies AS a ON p.lead_agency_id = a.id
            WHERE p.plan_id = @planId AND p.ordinal = @ordinal AND p0.lifecycle <> 'draft'
            LIMIT 2
        ) AS s
        LEFT JOIN (
            SELECT a0.code, a0.name, a0.short_name, p1.plan_item_id, p1.agency_id, a0.id, p1.position
            FROM plan_item_coordinators AS p1
            INNER JOIN agencies AS a0 ON p1.agency_id = a0.id
        ) AS s0 ON s.id = s0.plan_item_id
        ORDER BY s.id, s.id0, s.id1, s0.position, s0.plan_item_id, s0.agency_id
        """;

    /// <summary>agency item page: the agency's id</summary>
    public const string AgencyId = """
        SELECT a.id
        FROM agencies AS a
        WHERE a.code = @query_Code
        LIMIT 2
        """;

    /// <summary>agency item page: total</summary>
    public const string AgencyItemsCount = """
        SELECT count(*)::int
        FROM plan_item_agencies AS p
        WHERE p.agency_id = @agencyId AND NOT (p.plan_is_draft)
        """;

    /// <summary>agency item page: one page, coordinators joined</summary>
    public const string AgencyItemsPage = """
        SELECT p0.plan_id, p2.number, p0.ordinal, p0.quarter, p0.content, a.code, a.name, a.short_name, p0.lead_role, p1.agency_id, p1.plan_item_id, p0.id, p2.id, a.id, s.code, s.name, s.short_name, s.plan_item_id, s.agency_id, s.id, p0.and_related_agencies, p0.executing_units_text, p0.due_year, p0.due_month, p0.due_part, p0.due_text, p0.due_start, p0.due_end, p0.due_year IS NULL, p0.status, p0.percent_complete, p0.completed_on, p0.last_reported_at, p0.latest_report_id, p0.created_at, p0.updated_at, p0.xmin
        FROM (
            SELECT p.agency_id, p.plan_item_id, p.due_end, p.ordinal, p.plan_id
            FROM plan_item_agencies AS p
            WHERE p.agency_id = @agencyId AND NOT (p.plan_is_draft)
            ORDER BY p.due_end, p.plan_id, p.ordinal
            LIMIT @p3 OFFSET @p
        ) AS p1
        INNER JOIN plan_items AS p0 ON p1.plan_item_id = p0.id
        INNER JOIN plans AS p2 ON p0.plan_id = p2.id
        INNER JOIN agencies AS a ON p0.lead_agency_id = a.id
        LEFT JOIN (
            SELECT a0.code, a0.name, a0.short_name, p3.plan_item_id, p3.agency_id, a0.id, p3.position
            FROM plan_item_coordinators AS p3
            INNER JOIN agencies AS a0 ON p3.agency_id = a0.id
        ) AS s ON p0.id = s.plan_item_id
        ORDER BY p1.due_end, p1.plan_id, p1.ordinal, p1.agency_id, p1.plan_item_id, p0.id, p2.id, a.id, s.position, s.plan_item_id, s.agency_id
        """;

    /// <summary>search: the plan is visible</summary>
    public const string PlanExists = """
        SELECT EXISTS (
            SELECT 1
            FROM plans AS p
            WHERE p.id = @query_PlanId AND p.lifecycle <> 'draft')
        """;

    /// <summary>search: total</summary>
    public const string SearchCount = """
        SELECT count(*)::int
        FROM plan_items AS p
        WHERE p.plan_id = @query_PlanId AND strpos(p.search_key, @key) - 1 >= 0
        """;

    /// <summary>search: one page, best match first</summary>
    public const string SearchPage = """
        SELECT p1.plan_id, p0.number, p1.ordinal, p1.quarter, p1.content, a.code, a.name, a.short_name, p1.lead_role, p1.id, p0.id, a.id, s.code, s.name, s.short_name, s.plan_item_id, s.agency_id, s.id, p1.and_related_agencies, p1.executing_units_text, p1.due_year, p1.due_month, p1.due_part, p1.due_text, p1.due_start, p1.due_end, p1.due_year IS NULL, p1.status, p1.percent_complete, p1.completed_on, p1.last_reported_at, p1.latest_report_id, p1.created_at, p1.updated_at, p1.xmin
        FROM (
            SELECT p.id, p.and_related_agencies, p.completed_on, p.content, p.created_at, p.due_end, p.due_month, p.due_part, p.due_start, p.due_text, p.due_year, p.executing_units_text, p.last_reported_at, p.latest_report_id, p.lead_agency_id, p.lead_role, p.ordinal, p.percent_complete, p.plan_id, p.quarter, p.status, p.updated_at, p.xmin, word_similarity(@key, p.search_key) AS c
            FROM plan_items AS p
            WHERE p.plan_id = @query_PlanId AND strpos(p.search_key, @key) - 1 >= 0
            ORDER BY word_similarity(@key, p.search_key) DESC, p.ordinal
            LIMIT @p6 OFFSET @p
        ) AS p1
        INNER JOIN plans AS p0 ON p1.plan_id = p0.id
        INNER JOIN agencies AS a ON p1.lead_agency_id = a.id
        LEFT JOIN (
            SELECT a0.code, a0.name, a0.short_name, p2.plan_item_id, p2.agency_id, a0.id, p2.position
            FROM plan_item_coordinators AS p2
            INNER JOIN agencies AS a0 ON p2.agency_id = a0.id
        ) AS s ON p1.id = s.plan_item_id
        ORDER BY p1.c DESC, p1.ordinal, p1.id, p0.id, a.id, s.position, s.plan_item_id, s.agency_id
        """;

    /// <summary>change feed: one page</summary>
    public const string Changes = """
        SELECT c.sequence, c.occurred_at, c.action, c.resource_type, c.resource_key, c.version, c.link
        FROM change_records AS c
        WHERE c.sequence > @query_After AND c.public AND c.sequence < change_feed_horizon()
        ORDER BY c.sequence
        LIMIT @p
        """;

    /// <summary>POST: the X-Api-Key's client and agency (the API's CredentialCache), read once per key and then kept in memory</summary>
    public const string ApiKey = """
        SELECT a.id, a.client_name, a.role, a.agency_id, a0.code, a0.valid_until
        FROM api_keys AS a
        LEFT JOIN agencies AS a0 ON a.agency_id = a0.id
        WHERE a.key_hash = @keyHash AND a.revoked_at IS NULL
        LIMIT 2
        """;

    /// <summary>POST: the Idempotency-Key's lock and its stored record, one round trip (sent with BEGIN)</summary>
    public const string IdempotencyClaim = """
        SELECT p.scope, p.key, p.audit_entry_id, p.body, p.created_at, p.request_hash
        FROM (
            SELECT * FROM idempotency_claim(@p0, @p1)
        ) AS p
        LIMIT 2
        """;

    /// <summary>POST: the reporting agency (AgencyDirectory), read once per code and then kept in memory</summary>
    public const string AgencyByCode = """
        SELECT a.id, a.code, a.name, a.short_name, a.kind, a.valid_until, EXISTS (
            SELECT 1
            FROM agency_successions AS a0
            WHERE a.id = a0.successor_id)
        FROM agencies AS a
        WHERE a.code = @code
        LIMIT 2
        """;

    /// <summary>POST: the item locked, with its plan, lead and coordinators (what the item's answer shows)</summary>
    public const string ItemForUpdate = """
        SELECT s.id, s.and_related_agencies, s.completed_on, s.content, s.created_at, s.due_end, s.due_every_day, s.due_every_month, s.due_frequency, s.due_kind, s.due_month, s.due_part, s.due_start, s.due_text, s.due_year, s.executing_units_text, s.group_label, s.group_title, s.label, s.last_reported_at, s.latest_report_id, s.lead_agency_id, s.lead_role, s.ordinal, s.overdue_days, s.percent_complete, s.plan_id, s.quarter, s.search_key, s.status, s.updated_at, s.xmin, s.id0, s.created_at0, s.document_type, s.duties, s.issued_on, s.issued_year, s.issuer_id, s.legal_bases, s.lifecycle, s.number, s.place, s.preamble, s.purposes, s.recipients, s.requirements, s.search_key0, s.signature, s.title, s.updated_at0, s.xmin0, s.year, s.id1, s.aliases, s.code, s.collective_scope, s.created_at1, s.former_names, s.identifier_code, s.jurisdiction_code, s.jurisdiction_province_code, s.kind, s.name, s.parent_id, s.search_key1, s.short_name, s.updated_at1, s.valid_from, s.valid_until, s.verified, s.xmin1, s0.plan_item_id, s0.agency_id, s0.position, s0.id, s0.aliases, s0.code, s0.collective_scope, s0.created_at, s0.former_names, s0.identifier_code, s0.jurisdiction_code, s0.jurisdiction_province_code, s0.kind, s0.name, s0.parent_id, s0.search_key, s0.short_name, s0.updated_at, s0.valid_from, s0.valid_until, s0.verified, s0.xmin
        FROM (
            SELECT p.id, p.and_related_agencies, p.completed_on, p.content, p.created_at, p.due_end, p.due_every_day, p.due_every_month, p.due_frequency, p.due_kind, p.due_month, p.due_part, p.due_start, p.due_text, p.due_year, p.executing_units_text, p.group_label, p.group_title, p.label, p.last_reported_at, p.latest_report_id, p.lead_agency_id, p.lead_role, p.ordinal, p.overdue_days, p.percent_complete, p.plan_id, p.quarter, p.search_key, p.status, p.updated_at, p.xmin, p0.id AS id0, p0.created_at AS created_at0, p0.document_type, p0.duties, p0.issued_on, p0.issued_year, p0.issuer_id, p0.legal_bases, p0.lifecycle, p0.number, p0.place, p0.preamble, p0.purposes, p0.recipients, p0.requirements, p0.search_key AS search_key0, p0.signature, p0.title, p0.updated_at AS updated_at0, p0.xmin AS xmin0, p0.year, a.id AS id1, a.aliases, a.code, a.collective_scope, a.created_at AS created_at1, a.former_names, a.identifier_code, a.jurisdiction_code, a.jurisdiction_province_code, a.kind, a.name, a.parent_id, a.search_key AS search_key1, a.short_name, a.updated_at AS updated_at1, a.valid_from, a.valid_until, a.verified, a.xmin AS xmin1
            FROM (
                SELECT *, xmin FROM plan_items WHERE plan_id = @p0 AND ordinal = @p1 FOR UPDATE
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
        ORDER BY s.id, s.id0, s.id1, s0.plan_item_id, s0.agency_id
        """;

    // The batch, in EF's order: audit entry, two change records, the item's UPDATE, the report, the idempotency record.

    /// <summary>POST batch: the audit entry, its "after" the report's JSON (what a replay answers)</summary>
    public const string InsertAudit = """
        INSERT INTO audit_entries (id, action, after, agency_code, before, client_id, client_name, key_id, occurred_at, resource_key, resource_type, trace_id)
        VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10, @p11)
        """;

    /// <summary>POST batch: a change record (the report created, then the item updated)</summary>
    public const string InsertChange = """
        INSERT INTO change_records (action, link, occurred_at, public, resource_key, resource_type, version)
        VALUES (@p12, @p13, @p14, @p15, @p16, @p17, @p18)
        RETURNING sequence
        """;

    /// <summary>
    /// POST batch: the item's UPDATE when the report repeats its status and percent (the benchmark's case after each
    /// item's first report): EF sets only the columns that changed, see <see cref="UpdateItem"/>.
    /// </summary>
    public const string UpdateItemReported = """
        UPDATE plan_items SET last_reported_at = @p26, latest_report_id = @p27, updated_at = @p28
        WHERE id = @p29 AND xmin = @p30
        RETURNING xmin
        """;

    /// <summary>POST batch: the item's UPDATE as EF writes it, setting <paramref name="columns"/> (the changed ones, in
    /// column-name order) and checking the row version read with the lock.</summary>
    public static string UpdateItem(IReadOnlyList<string> columns)
    {
        var set = string.Join(", ", columns.Select((c, i) => $"{c} = @p{26 + i}"));
        return $"UPDATE plan_items SET {set}\nWHERE id = @p{26 + columns.Count} AND xmin = @p{27 + columns.Count}\nRETURNING xmin";
    }

    /// <summary>POST batch: the report</summary>
    public const string InsertReport = """
        INSERT INTO progress_reports (id, evidence_document_date, evidence_document_number, evidence_url, on_behalf_of_agency_id, percent_complete, period_from, period_to, plan_item_id, reported_at, reporting_agency_id, status, summary)
        VALUES (@p33, @p34, @p35, @p36, @p37, @p38, @p39, @p40, @p41, @p42, @p43, @p44, @p45)
        """;

    /// <summary>POST batch: the idempotency record, empty body: its answer is the audit entry's "after"</summary>
    public const string InsertIdempotency = """
        INSERT INTO idempotency_records (key, scope, audit_entry_id, body, created_at, request_hash)
        VALUES (@p46, @p47, @p48, @p49, @p50, @p51)
        """;
}
