using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using PlanApi.Data;
using PlanApi.Tests.Contract;
using PlanApi.Tests.Infrastructure;

namespace PlanApi.Tests.Data;

public sealed class MigrationTests
{
    [Fact]
    public void The_model_has_no_changes_that_no_migration_holds()
    {
        using var db = TestDatabase.NewContext("unused");
        Assert.False(db.Database.HasPendingModelChanges(),
            "The EF model changed without a migration: run `dotnet ef migrations add <Name> --project src/PlanApi " +
            "--output-dir Data/Migrations`, then regenerate db/planapi.sql (see README).");
    }

    [Fact]
    public void The_idempotent_sql_script_in_db_is_current()
    {
        using var db = TestDatabase.NewContext("unused");
        var expected = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
        var committed = File.ReadAllText(Path.Combine(OpenApiContractTests.RepositoryRoot(), "db", "planapi.sql"));
        Assert.True(Normalize(expected) == Normalize(committed),
            "db/planapi.sql is stale: run `dotnet ef migrations script --idempotent --project src/PlanApi -o db/planapi.sql`.");
    }

    [Fact]
    public async Task The_sql_script_builds_the_schema_and_can_run_twice()
    {
        var database = await TestDatabase.CreateEmptyAsync("sqlscript");
        try
        {
            var script = await File.ReadAllTextAsync(Path.Combine(OpenApiContractTests.RepositoryRoot(), "db", "planapi.sql"));
            await using (var connection = new NpgsqlConnection(TestDatabase.ConnectionString(database)))
            {
                await connection.OpenAsync();
                for (var run = 0; run < 2; run++)
                {
                    await using var command = new NpgsqlCommand(script, connection);
                    await command.ExecuteNonQueryAsync();
                }
            }
            await using var db = TestDatabase.NewContext(database);
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            await new Seeder(db, TimeProvider.System, NullLogger<Seeder>.Instance).SeedAsync(TestDatabase.SeedDirectory);
            Assert.Equal(32, await db.PlanItems.CountAsync());
        }
        finally
        {
            await TestDatabase.DropAsync(database);
        }
    }

    [Fact]
    public async Task Seeding_twice_adds_nothing_the_second_time()
    {
        var database = await TestDatabase.CreateEmptyAsync("seedtwice");
        try
        {
            await using var db = TestDatabase.NewContext(database);
            await db.Database.MigrateAsync();
            var seeder = new Seeder(db, TimeProvider.System, NullLogger<Seeder>.Instance);
            await seeder.SeedAsync(TestDatabase.SeedDirectory);
            var counts = await CountsAsync(db);
            await seeder.SeedAsync(TestDatabase.SeedDirectory);
            Assert.Equal(counts, await CountsAsync(db));
            Assert.Equal((1, 32, 1), (counts.Plans, counts.Items, counts.Groupings));
            Assert.True(counts.Agencies >= 33, $"{counts.Agencies} agencies");
        }
        finally
        {
            await TestDatabase.DropAsync(database);
        }
    }

    [Fact]
    public async Task A_store_of_the_single_city_version_is_migrated_to_jurisdictions_and_seeded_with_the_reorganisation_once()
    {
        var database = await TestDatabase.CreateEmptyAsync("jurisdictions");
        try
        {
            await using var db = TestDatabase.NewContext(database);
            await db.GetService<IMigrator>().MigrateAsync("20261124081834_AgencyItemsIndexWriters");
            // Agencies as the single-city version stored them, one edited by an admin and one an import created.
            await db.Database.ExecuteSqlRawAsync("""
                INSERT INTO agencies (id, code, name, short_name, aliases, kind, verified, search_key, created_at, updated_at) VALUES
                  (gen_random_uuid(), 'ubnd-can-tho', 'Ủy ban nhân dân thành phố Cần Thơ', 'UBND thành phố', ARRAY[]::text[], 'government', true, '', now(), now()),
                  (gen_random_uuid(), 'ninh-kieu', 'UBND quận Ninh Kiều (đã sửa)', 'Quận Ninh Kiều', ARRAY[]::text[], 'district', true, '', now(), now()),
                  (gen_random_uuid(), 'ban-tdkt-trung-uong', 'Ban Thi đua - Khen thưởng Trung ương', null, ARRAY[]::text[], 'central_body', true, '', now(), now()),
                  (gen_random_uuid(), 'ubnd-ha-noi', 'Ủy ban nhân dân thành phố Hà Nội', null, ARRAY[]::text[], 'external', true, '', now(), now()),
                  (gen_random_uuid(), 'ban-tuyen-giao-tinh-uy', 'Ban Tuyên giáo Tỉnh ủy', null, ARRAY[]::text[], 'department', false, '', now(), now());
                """);

            await db.Database.MigrateAsync();
            var jurisdictions = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Code, a => (a.JurisdictionCode, a.JurisdictionProvinceCode));
            Assert.Equal(("92", "92"), jurisdictions["ubnd-can-tho"]);
            Assert.Equal(("916", "92"), jurisdictions["ninh-kieu"]);
            Assert.Equal(("01", "01"), jurisdictions["ubnd-ha-noi"]);
            Assert.Equal((null, null), jurisdictions["ban-tdkt-trung-uong"]);
            // Which province an import's unmatched name belonged to is not known: it is not guessed.
            Assert.Equal((null, null), jurisdictions["ban-tuyen-giao-tinh-uy"]);

            var seeder = new Seeder(db, TimeProvider.System, NullLogger<Seeder>.Instance);
            await seeder.SeedAsync(TestDatabase.SeedDirectory);
            await seeder.SeedAsync(TestDatabase.SeedDirectory);
            var district = await db.Agencies.AsNoTracking().Include(a => a.Successors).SingleAsync(a => a.Code == "ninh-kieu");
            Assert.Equal("UBND quận Ninh Kiều (đã sửa)", district.Name);
            Assert.Equal(new DateOnly(2025, 6, 30), district.ValidUntil);
            Assert.Equal(4, district.Successors.Count);
            Assert.Equal(14_149, await db.AdministrativeUnits.CountAsync());
            Assert.Equal(2, await db.AgencySuccessions.CountAsync(s => s.Successor!.Code == "ubnd-can-tho"));
        }
        finally
        {
            await TestDatabase.DropAsync(database);
        }
    }

    private static async Task<(int Plans, int Items, int Groupings, int Agencies, int Coordinators)> CountsAsync(PlanDbContext db) =>
        (await db.Plans.CountAsync(), await db.PlanItems.CountAsync(), await db.Groupings.CountAsync(),
         await db.Agencies.CountAsync(), await db.Set<PlanApi.Domain.PlanItemCoordinator>().CountAsync());

    private static string Normalize(string sql) =>
        string.Join('\n', sql.TrimStart('\uFEFF').Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(l => l.TrimEnd())).Trim();
}
