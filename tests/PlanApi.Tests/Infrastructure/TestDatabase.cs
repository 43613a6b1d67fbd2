using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using PlanApi.Data;

namespace PlanApi.Tests.Infrastructure;

/// <summary>
/// One PostgreSQL server for the run (PLANAPI_TEST_DB, default the cluster scripts/pg.sh starts), one database per
/// test class. Each is cloned from a template that is migrated and seeded once per run, so a class starts in
/// milliseconds from the exact state the run command produces.
/// </summary>
public static class TestDatabase
{
    public static readonly string ServerConnectionString =
        Environment.GetEnvironmentVariable("PLANAPI_TEST_DB") ?? "Host=127.0.0.1;Port=55432;Username=postgres;Database=postgres";

    private static readonly string RunId = $"{DateTime.UtcNow:HHmmss}_{Environment.ProcessId}";
    private static readonly SemaphoreSlim TemplateLock = new(1, 1);
    private static string? _template;

    public static string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = database, Pooling = true, MaxPoolSize = 20 }.ConnectionString;

    /// <summary>Creates an empty-of-tests copy of the seeded template and returns its name.</summary>
    public static async Task<string> CreateAsync(string purpose)
    {
        var template = await EnsureTemplateAsync();
        var name = $"planapi_t_{RunId}_{Sanitize(purpose)}_{Guid.NewGuid():N}"[..63].TrimEnd('_');
        await ExecuteAsync($"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"");
        return name;
    }

    public static async Task DropAsync(string name)
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    /// <summary>A database with the schema but no data, for tests of seeding and migrations.</summary>
    public static async Task<string> CreateEmptyAsync(string purpose)
    {
        var name = $"planapi_e_{RunId}_{Sanitize(purpose)}_{Guid.NewGuid():N}"[..63].TrimEnd('_');
        await ExecuteAsync($"CREATE DATABASE \"{name}\"");
        return name;
    }

    private static async Task<string> EnsureTemplateAsync()
    {
        if (_template is not null) return _template;
        await TemplateLock.WaitAsync();
        try
        {
            if (_template is not null) return _template;
            var name = $"planapi_template_{RunId}";
            await ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
            await ExecuteAsync($"CREATE DATABASE \"{name}\"");
            await using (var db = NewContext(name))
            {
                await db.Database.MigrateAsync();
                await new Seeder(db, TimeProvider.System, NullLogger<Seeder>.Instance).SeedAsync(SeedDirectory);
            }
            // A template must have no open connections when it is copied.
            NpgsqlConnection.ClearAllPools();
            _template = name;
            AppDomain.CurrentDomain.ProcessExit += (_, _) => DropAllAsync().GetAwaiter().GetResult();
            return name;
        }
        finally
        {
            TemplateLock.Release();
        }
    }

    public static string SeedDirectory =>
        Seeder.FindSeedDirectory(AppContext.BaseDirectory) ?? throw new DirectoryNotFoundException("seeds/ not found above the test binaries.");

    public static PlanDbContext NewContext(string database) =>
        new(new DbContextOptionsBuilder<PlanDbContext>().UsePlanDatabase(ConnectionString(database)).Options);

    private static async Task DropAllAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(ServerConnectionString);
        await connection.OpenAsync();
        var names = new List<string>();
        await using (var cmd = new NpgsqlCommand("SELECT datname FROM pg_database WHERE datname LIKE @p", connection))
        {
            cmd.Parameters.AddWithValue("p", $"planapi_%{RunId}%");
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync()) names.Add(reader.GetString(0));
        }
        foreach (var name in names)
        {
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }

    private static async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ServerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static string Sanitize(string purpose) =>
        new string(purpose.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).ToArray()) is { Length: > 0 } s ? s[..Math.Min(s.Length, 16)] : "db";
}
