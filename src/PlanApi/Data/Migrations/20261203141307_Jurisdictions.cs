using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PlanApi.Data.Migrations
{
    /// <inheritdoc />
    public partial class Jurisdictions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "on_behalf_of_agency_id",
                table: "progress_reports",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<List<string>>(
                name: "former_names",
                table: "agencies",
                type: "text[]",
                nullable: false,
                defaultValueSql: "'{}'::text[]");

            migrationBuilder.AddColumn<string>(
                name: "identifier_code",
                table: "agencies",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "jurisdiction_code",
                table: "agencies",
                type: "character varying(8)",
                maxLength: 8,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "jurisdiction_province_code",
                table: "agencies",
                type: "character varying(8)",
                maxLength: 8,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "valid_from",
                table: "agencies",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "valid_until",
                table: "agencies",
                type: "date",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "administrative_units",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false),
                    code = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    level = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    name = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    full_name = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    parent_id = table.Column<int>(type: "integer", nullable: true),
                    province_code = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    valid_from = table.Column<DateOnly>(type: "date", nullable: true),
                    valid_until = table.Column<DateOnly>(type: "date", nullable: true),
                    search_key = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_administrative_units", x => x.id);
                    table.ForeignKey(
                        name: "fk_administrative_units_administrative_units_parent_id",
                        column: x => x.parent_id,
                        principalTable: "administrative_units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "agency_successions",
                columns: table => new
                {
                    predecessor_id = table.Column<Guid>(type: "uuid", nullable: false),
                    successor_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    effective_on = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_agency_successions", x => new { x.predecessor_id, x.successor_id });
                    table.CheckConstraint("ck_agency_successions_not_self", "predecessor_id <> successor_id");
                    table.ForeignKey(
                        name: "fk_agency_successions_agencies_predecessor_id",
                        column: x => x.predecessor_id,
                        principalTable: "agencies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_agency_successions_agencies_successor_id",
                        column: x => x.successor_id,
                        principalTable: "agencies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "administrative_unit_successions",
                columns: table => new
                {
                    predecessor_id = table.Column<int>(type: "integer", nullable: false),
                    successor_id = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    effective_on = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_administrative_unit_successions", x => new { x.predecessor_id, x.successor_id });
                    table.ForeignKey(
                        name: "fk_administrative_unit_successions_administrative_units_predec",
                        column: x => x.predecessor_id,
                        principalTable: "administrative_units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_administrative_unit_successions_administrative_units_succes",
                        column: x => x.successor_id,
                        principalTable: "administrative_units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_progress_reports_on_behalf_of_agency_id",
                table: "progress_reports",
                column: "on_behalf_of_agency_id");

            migrationBuilder.CreateIndex(
                name: "ix_agencies_identifier_code",
                table: "agencies",
                column: "identifier_code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_agencies_jurisdiction_province_code_jurisdiction_code",
                table: "agencies",
                columns: new[] { "jurisdiction_province_code", "jurisdiction_code" });

            migrationBuilder.AddCheckConstraint(
                name: "ck_agencies_validity",
                table: "agencies",
                sql: "valid_from IS NULL OR valid_until IS NULL OR valid_from <= valid_until");

            migrationBuilder.CreateIndex(
                name: "ix_administrative_unit_successions_successor_id",
                table: "administrative_unit_successions",
                column: "successor_id");

            migrationBuilder.CreateIndex(
                name: "ix_administrative_units_code_valid_from",
                table: "administrative_units",
                columns: new[] { "code", "valid_from" },
                unique: true)
                .Annotation("Npgsql:NullsDistinct", false);

            migrationBuilder.CreateIndex(
                name: "ix_administrative_units_parent_id",
                table: "administrative_units",
                column: "parent_id");

            migrationBuilder.CreateIndex(
                name: "ix_administrative_units_province_code_level",
                table: "administrative_units",
                columns: new[] { "province_code", "level" });

            migrationBuilder.CreateIndex(
                name: "ix_administrative_units_search_key",
                table: "administrative_units",
                column: "search_key")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_agency_successions_successor_id",
                table: "agency_successions",
                column: "successor_id");

            migrationBuilder.AddForeignKey(
                name: "fk_progress_reports_agencies_on_behalf_of_agency_id",
                table: "progress_reports",
                column: "on_behalf_of_agency_id",
                principalTable: "agencies",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
            // Existing agencies get their jurisdiction: until now the store knew Cần Thơ (92), its nine districts and the
            // four other centrally-run cities of its cluster; central bodies have none. Agencies an import created from
            // unmatched names (unverified) stay without one: which province they belong to is not known.
            migrationBuilder.Sql("""
                UPDATE agencies a SET jurisdiction_code = d.unit, jurisdiction_province_code = d.province
                FROM (VALUES
                    ('ninh-kieu', '916', '92'), ('o-mon', '917', '92'), ('binh-thuy', '918', '92'), ('cai-rang', '919', '92'),
                    ('thot-not', '923', '92'), ('vinh-thanh', '924', '92'), ('co-do', '925', '92'), ('phong-dien', '926', '92'),
                    ('thoi-lai', '927', '92'), ('ubnd-ha-noi', '01', '01'), ('ubnd-tp-ho-chi-minh', '79', '79'),
                    ('ubnd-hai-phong', '31', '31'), ('ubnd-da-nang', '48', '48')) AS d(code, unit, province)
                WHERE a.code = d.code;
                UPDATE agencies SET jurisdiction_code = '92', jurisdiction_province_code = '92'
                WHERE jurisdiction_code IS NULL AND verified AND kind NOT IN ('central_body', 'external');
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_progress_reports_agencies_on_behalf_of_agency_id",
                table: "progress_reports");

            migrationBuilder.DropTable(
                name: "administrative_unit_successions");

            migrationBuilder.DropTable(
                name: "agency_successions");

            migrationBuilder.DropTable(
                name: "administrative_units");

            migrationBuilder.DropIndex(
                name: "ix_progress_reports_on_behalf_of_agency_id",
                table: "progress_reports");

            migrationBuilder.DropIndex(
                name: "ix_agencies_identifier_code",
                table: "agencies");

            migrationBuilder.DropIndex(
                name: "ix_agencies_jurisdiction_province_code_jurisdiction_code",
                table: "agencies");

            migrationBuilder.DropCheckConstraint(
                name: "ck_agencies_validity",
                table: "agencies");

            migrationBuilder.DropColumn(
                name: "on_behalf_of_agency_id",
                table: "progress_reports");

            migrationBuilder.DropColumn(
                name: "former_names",
                table: "agencies");

            migrationBuilder.DropColumn(
                name: "identifier_code",
                table: "agencies");

            migrationBuilder.DropColumn(
                name: "jurisdiction_code",
                table: "agencies");

            migrationBuilder.DropColumn(
                name: "jurisdiction_province_code",
                table: "agencies");

            migrationBuilder.DropColumn(
                name: "valid_from",
                table: "agencies");

            migrationBuilder.DropColumn(
                name: "valid_until",
                table: "agencies");
        }
    }
}
