using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PlanApi.Data.Migrations
{
    /// <inheritdoc />
    public partial class AgencyItemsIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "plan_item_agencies",
                columns: table => new
                {
                    agency_id = table.Column<Guid>(type: "uuid", nullable: false),
                    plan_item_id = table.Column<Guid>(type: "uuid", nullable: false),
                    leads = table.Column<bool>(type: "boolean", nullable: false),
                    plan_is_draft = table.Column<bool>(type: "boolean", nullable: false),
                    due_end = table.Column<DateOnly>(type: "date", nullable: false),
                    plan_id = table.Column<Guid>(type: "uuid", nullable: false),
                    ordinal = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_plan_item_agencies", x => new { x.agency_id, x.plan_item_id });
                    table.ForeignKey(
                        name: "fk_plan_item_agencies_agencies_agency_id",
                        column: x => x.agency_id,
                        principalTable: "agencies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_plan_item_agencies_plan_items_plan_item_id",
                        column: x => x.plan_item_id,
                        principalTable: "plan_items",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_plan_item_agencies_plans_plan_id",
                        column: x => x.plan_id,
                        principalTable: "plans",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_plan_item_agencies_agency_list",
                table: "plan_item_agencies",
                columns: new[] { "agency_id", "plan_is_draft", "due_end", "plan_id", "ordinal" })
                .Annotation("Npgsql:IndexInclude", new[] { "plan_item_id", "leads" });

            migrationBuilder.CreateIndex(
                name: "ix_plan_item_agencies_plan_id",
                table: "plan_item_agencies",
                column: "plan_id");

            migrationBuilder.CreateIndex(
                name: "ix_plan_item_agencies_plan_item_id",
                table: "plan_item_agencies",
                column: "plan_item_id");

            // PostgreSQL keeps the rows in step with every write of items, coordinators and plans' lifecycles,
            // whichever way it comes (API, import, SQL): an item's rows are recomputed from the item, its
            // coordinators and its plan.
            migrationBuilder.Sql("""
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
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER plans_agencies ON plans;
                DROP TRIGGER plan_item_coordinators_agencies ON plan_item_coordinators;
                DROP TRIGGER plan_items_agencies ON plan_items;
                DROP FUNCTION plans_refresh_agencies();
                DROP FUNCTION plan_item_coordinators_refresh_agencies();
                DROP FUNCTION plan_items_refresh_agencies();
                DROP FUNCTION plan_item_agencies_refresh(uuid);
                DROP FUNCTION plan_item_agencies_of(uuid);
                """);
            migrationBuilder.DropTable(
                name: "plan_item_agencies");
        }
    }
}
