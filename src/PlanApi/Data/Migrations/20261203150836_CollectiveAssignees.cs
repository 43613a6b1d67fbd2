using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PlanApi.Data.Migrations
{
    /// <inheritdoc />
    public partial class CollectiveAssignees : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "collective_scope",
                table: "agencies",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.Sql("""
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
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
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
                    ) a
                    WHERE i.id = item
                    ORDER BY a.agency_id, a.leads DESC;
                $$;
                DROP TRIGGER agencies_sets ON agencies;
                DROP FUNCTION agencies_refresh_sets();
                DROP FUNCTION agency_set_members(uuid, date);
                ALTER TABLE agencies DROP CONSTRAINT ck_agencies_collective;
                """);

            migrationBuilder.DropColumn(
                name: "collective_scope",
                table: "agencies");
        }
    }
}
