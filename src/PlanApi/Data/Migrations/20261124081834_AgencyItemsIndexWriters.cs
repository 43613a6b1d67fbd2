using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PlanApi.Data.Migrations
{
    /// <inheritdoc />
    public partial class AgencyItemsIndexWriters : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Concurrent writers of one item, or of an item while its plan's lifecycle changes, each see the other's
            // committed rows: an item's refresh locks the item's row and shares a lock on its plan that a lifecycle
            // change takes exclusively (the API takes it before it locks the plan's row, so neither waits on the other
            // in a cycle). A coordinator's position alone does not change the index.
            migrationBuilder.Sql("""
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
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION plan_item_agencies_refresh(item uuid) RETURNS void LANGUAGE sql AS $$
                    DELETE FROM plan_item_agencies WHERE plan_item_id = item;
                    INSERT INTO plan_item_agencies (agency_id, plan_item_id, leads, plan_is_draft, due_end, plan_id, ordinal)
                    SELECT * FROM plan_item_agencies_of(item);
                $$;

                CREATE OR REPLACE FUNCTION plans_refresh_agencies() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    UPDATE plan_item_agencies SET plan_is_draft = NEW.lifecycle = 'draft'
                    WHERE plan_id = NEW.id AND plan_is_draft IS DISTINCT FROM (NEW.lifecycle = 'draft');
                    RETURN NULL;
                END $$;

                DROP TRIGGER plan_item_coordinators_agencies ON plan_item_coordinators;
                CREATE TRIGGER plan_item_coordinators_agencies AFTER INSERT OR UPDATE OR DELETE ON plan_item_coordinators
                    FOR EACH ROW EXECUTE FUNCTION plan_item_coordinators_refresh_agencies();
                """);
        }
    }
}
