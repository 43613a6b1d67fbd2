using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PlanApi.Data.Migrations
{
    /// <summary>
    /// <c>idempotency_claim</c>: an Idempotency-Key's lock and the lookup of its stored record in one round trip.
    /// </summary>
    [AppliesSqlFiles("functions/idempotency_claim.sql")]
    public partial class IdempotencyClaimInOneRoundTrip : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.ApplySqlFiles(this);

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) =>
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS idempotency_claim(text, text);");
    }
}
