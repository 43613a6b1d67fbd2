using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PlanApi.Data.Migrations
{
    /// <inheritdoc />
    public partial class IdempotencyRecordsHoldResults : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "content_type",
                table: "idempotency_records");

            migrationBuilder.DropColumn(
                name: "location",
                table: "idempotency_records");

            migrationBuilder.DropColumn(
                name: "status_code",
                table: "idempotency_records");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "content_type",
                table: "idempotency_records",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "location",
                table: "idempotency_records",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "status_code",
                table: "idempotency_records",
                type: "integer",
                nullable: false,
                defaultValue: 0);
        }
    }
}
