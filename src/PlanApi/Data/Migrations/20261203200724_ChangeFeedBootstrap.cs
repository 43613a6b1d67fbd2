using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PlanApi.Data.Migrations
{
    /// <summary>
    /// The change feed holds every resource there is: a 'create' entry for each plan, item, report, agency and
    /// grouping the feed never recorded (seeded before seeding recorded its entries, or older than the feed), so that
    /// a mirror can start from after=0. Seeding calls the same function for what it adds.
    /// </summary>
    [AppliesSqlFiles("functions/change_records_backfill.sql")]
    public partial class ChangeFeedBootstrap : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.ApplySqlFiles(this);
            // A DO block: the idempotent script (db/planapi.sql) runs each statement inside one, where a bare SELECT is refused.
            migrationBuilder.Sql("DO $$ BEGIN PERFORM change_records_backfill(); END $$;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) =>
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS change_records_backfill();");
    }
}
