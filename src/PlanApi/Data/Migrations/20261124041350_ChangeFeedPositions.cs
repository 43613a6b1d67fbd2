using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace PlanApi.Data.Migrations
{
    /// <summary>
    /// Change-feed positions without a shared lock. Until now every write took one advisory lock from its first
    /// change record to its commit, so that positions (an identity column) were handed out in commit order: all
    /// writes queued on it, fsync included. Now a trigger gives each entry the position
    /// base + (writing transaction's id &lt;&lt; 20) + (its place within the transaction), and readers list positions
    /// below <c>change_feed_horizon()</c> only, i.e. of transactions older than the oldest one of this database still
    /// running in the reader's snapshot: no later commit can take a position below one a reader has seen. <c>base</c> is the highest position handed out
    /// before, so cursors that clients hold stay valid.
    /// </summary>
    public partial class ChangeFeedPositions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<long>(
                name: "sequence",
                table: "change_records",
                type: "bigint",
                nullable: false,
                oldClrType: typeof(long),
                oldType: "bigint")
                .OldAnnotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn);

            migrationBuilder.Sql("""
                CREATE TABLE change_feed_origin (
                    singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
                    base bigint NOT NULL);
                INSERT INTO change_feed_origin (base) SELECT coalesce(max(sequence), 0) FROM change_records;

                CREATE FUNCTION change_records_assign_sequence() RETURNS trigger LANGUAGE plpgsql AS $fn$
                DECLARE
                    n bigint := coalesce(nullif(current_setting('planapi.change_index', true), ''), '0')::bigint + 1;
                BEGIN
                    IF NEW.sequence IS NOT NULL THEN
                        RETURN NEW;
                    END IF;
                    IF n >= 1048576 THEN
                        RAISE EXCEPTION 'A transaction may record at most 1048575 changes.';
                    END IF;
                    PERFORM set_config('planapi.change_index', n::text, true);
                    NEW.sequence := (SELECT base FROM change_feed_origin) + (pg_current_xact_id()::text::bigint << 20) + n;
                    RETURN NEW;
                END
                $fn$;

                CREATE TRIGGER change_records_assign_sequence BEFORE INSERT ON change_records
                    FOR EACH ROW EXECUTE FUNCTION change_records_assign_sequence();

                -- The oldest transaction still running in the calling statement's snapshot (STABLE: the caller's
                -- snapshot), or the next one to start; those of other databases left out when pg_stat_activity shows
                -- them there (they never write this feed). PL/pgSQL, so that its queries are planned once per session.
                CREATE FUNCTION change_feed_horizon() RETURNS bigint LANGUAGE plpgsql STABLE AS $fn$
                DECLARE
                    snapshot pg_snapshot := pg_current_snapshot();
                    oldest bigint;
                BEGIN
                    IF pg_snapshot_xmin(snapshot) <> pg_snapshot_xmax(snapshot) THEN
                        SELECT min(x::text::bigint) INTO oldest FROM pg_snapshot_xip(snapshot) AS x
                        WHERE NOT EXISTS (SELECT 1 FROM pg_stat_activity a
                                          WHERE a.backend_xid = x::xid AND a.datname IS DISTINCT FROM current_database());
                    END IF;
                    RETURN (SELECT base FROM change_feed_origin)
                        + (coalesce(oldest, pg_snapshot_xmax(snapshot)::text::bigint) << 20);
                END
                $fn$;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP FUNCTION change_feed_horizon();
                DROP TRIGGER change_records_assign_sequence ON change_records;
                DROP FUNCTION change_records_assign_sequence();
                DROP TABLE change_feed_origin;
                """);

            migrationBuilder.AlterColumn<long>(
                name: "sequence",
                table: "change_records",
                type: "bigint",
                nullable: false,
                oldClrType: typeof(long),
                oldType: "bigint")
                .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn);
        }
    }
}
