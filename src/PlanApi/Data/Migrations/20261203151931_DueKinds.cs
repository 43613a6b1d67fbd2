using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NpgsqlTypes;

#nullable disable

namespace PlanApi.Data.Migrations
{
    /// <inheritdoc />
    public partial class DueKinds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "due_every_day",
                table: "plan_items",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "due_every_month",
                table: "plan_items",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "due_frequency",
                table: "plan_items",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "due_kind",
                table: "plan_items",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<NpgsqlRange<DateOnly>[]>(
                name: "overdue_days",
                table: "plan_items",
                type: "datemultirange",
                nullable: true);

            // Every deadline so far was a month (or none, due by the end of the quarter): overdue from the day after
            // its window, for ever. No default is left behind: a writer that leaves the column out fails instead of
            // making its items never overdue.
            migrationBuilder.Sql("""
                UPDATE plan_items SET
                    due_kind = CASE WHEN due_year IS NOT NULL THEN 'month' END,
                    overdue_days = datemultirange(daterange(due_end + 1, NULL, '[)'));
                ALTER TABLE plan_items ALTER COLUMN overdue_days SET NOT NULL;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "due_every_day",
                table: "plan_items");

            migrationBuilder.DropColumn(
                name: "due_every_month",
                table: "plan_items");

            migrationBuilder.DropColumn(
                name: "due_frequency",
                table: "plan_items");

            migrationBuilder.DropColumn(
                name: "due_kind",
                table: "plan_items");

            migrationBuilder.DropColumn(
                name: "overdue_days",
                table: "plan_items");
        }
    }
}
