using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PlanApi.Data.Migrations
{
    /// <summary>
    /// Every function and trigger of the store from its file under db/ (db/README.md): the definitions the earlier
    /// migrations wrote out, and the advisory-lock keys they and the API spelled, now taken by
    /// <c>plan_item_agencies_lock</c> and <c>idempotency_lock</c> (the same keys, so instances of either version
    /// exclude each other).
    /// </summary>
    [AppliesSqlFiles(
        "functions/plan_item_agencies_lock.sql",
        "functions/idempotency_lock.sql",
        "functions/change_records_assign_sequence.sql",
        "functions/change_feed_horizon.sql",
        "functions/agency_set_members.sql",
        "functions/plan_item_agencies_of.sql",
        "functions/plan_item_agencies_refresh.sql",
        "functions/plan_items_refresh_agencies.sql",
        "functions/plan_item_coordinators_refresh_agencies.sql",
        "functions/plans_refresh_agencies.sql",
        "functions/agencies_refresh_sets.sql",
        "triggers/change_records_assign_sequence.sql",
        "triggers/plan_items_agencies.sql",
        "triggers/plan_item_coordinators_agencies.sql",
        "triggers/plans_agencies.sql",
        "triggers/agencies_sets.sql")]
    public partial class FunctionsAndTriggersFromFiles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.ApplySqlFiles(this);

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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

                DROP FUNCTION idempotency_lock(text, text);
                DROP FUNCTION plan_item_agencies_lock(uuid, boolean);
                """);
        }
    }
}
