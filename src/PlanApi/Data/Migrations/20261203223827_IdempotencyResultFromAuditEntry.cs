using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PlanApi.Data.Migrations
{
    /// <summary>
    /// An idempotency record may point at the audit entry whose "after" is its result instead of storing the same JSON
    /// again; <c>idempotency_claim</c> reads it from there.
    /// </summary>
    [AppliesSqlFiles("functions/idempotency_claim.sql")]
    public partial class IdempotencyResultFromAuditEntry : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "audit_entry_id",
                table: "idempotency_records",
                type: "uuid",
                nullable: true);

            // NOT VALID: existing rows (all null) are not scanned; every new row is checked. No index: see the model.
            migrationBuilder.Sql("""
                ALTER TABLE idempotency_records ADD CONSTRAINT fk_idempotency_records_audit_entries_audit_entry_id
                    FOREIGN KEY (audit_entry_id) REFERENCES audit_entries (id) ON DELETE RESTRICT NOT VALID;
                """);

            migrationBuilder.ApplySqlFiles(this);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION idempotency_claim(scope text, key text) RETURNS SETOF idempotency_records
                LANGUAGE plpgsql VOLATILE AS $$
                BEGIN
                    PERFORM idempotency_lock(scope, key);
                    RETURN QUERY SELECT r.scope, r.key, r.request_hash, r.body, r.created_at
                        FROM idempotency_records r WHERE r.scope = idempotency_claim.scope AND r.key = idempotency_claim.key;
                END
                $$;
                """);
            migrationBuilder.Sql("ALTER TABLE idempotency_records DROP CONSTRAINT IF EXISTS fk_idempotency_records_audit_entries_audit_entry_id;");

            migrationBuilder.DropColumn(
                name: "audit_entry_id",
                table: "idempotency_records");
        }
    }
}
