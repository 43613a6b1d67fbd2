using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;
using PlanApi.Data;
using PlanApi.Tests.Contract;
using PlanApi.Tests.Infrastructure;

namespace PlanApi.Tests.Data;

/// <summary>
/// The store's functions and triggers are defined once, each by its file under db/ (db/README.md): a migrated store
/// holds exactly what the files define, and nothing the files do not.
/// </summary>
public sealed class SqlFileTests
{
    private const string MigrationBeforeTheFiles = "20261203151931_DueKinds";

    [Fact]
    public async Task Every_function_and_trigger_of_a_migrated_store_is_defined_by_its_own_file_under_db()
    {
        var database = await TestDatabase.CreateEmptyAsync("sqlfiles");
        try
        {
            await using (var db = TestDatabase.NewContext(database))
                await db.Database.MigrateAsync();
            var check = await StoreDefinitionCheck.RunAsync(database);
            AssertNoProblems(check);
            // The check saw the store's objects, not an empty list.
            Assert.Contains("function plan_item_agencies_lock(uuid,boolean)", check.Checked);
            Assert.Contains("function idempotency_lock(text,text)", check.Checked);
            Assert.Contains("trigger agencies_sets on agencies", check.Checked);
            Assert.Equal(StoreDefinitionCheck.Files().Count, check.Checked.Count);
        }
        finally
        {
            await TestDatabase.DropAsync(database);
        }
    }

    [Fact]
    public async Task A_store_migrated_to_before_the_files_and_then_on_holds_the_file_definitions()
    {
        var database = await TestDatabase.CreateEmptyAsync("sqlfilesupgrade");
        try
        {
            await using (var db = TestDatabase.NewContext(database))
                await db.GetService<IMigrator>().MigrateAsync(MigrationBeforeTheFiles);
            var before = await StoreDefinitionCheck.RunAsync(database);
            // Before: the lock functions are missing and the index refresh spells the lock key itself.
            Assert.Contains(before.Problems, p => p.Contains("plan_item_agencies_lock", StringComparison.Ordinal));
            Assert.Contains(before.Problems, p => p.Contains("function plan_item_agencies_refresh(uuid) differs", StringComparison.Ordinal));

            await using (var db = TestDatabase.NewContext(database))
                await db.Database.MigrateAsync();
            AssertNoProblems(await StoreDefinitionCheck.RunAsync(database));
        }
        finally
        {
            await TestDatabase.DropAsync(database);
        }
    }

    [Fact]
    public async Task The_idempotent_script_in_db_builds_the_file_definitions()
    {
        var database = await TestDatabase.CreateEmptyAsync("sqlfilesscript");
        try
        {
            var script = await File.ReadAllTextAsync(Path.Combine(OpenApiContractTests.RepositoryRoot(), "db", "planapi.sql"));
            await using (var connection = new NpgsqlConnection(TestDatabase.ConnectionString(database)))
            {
                await connection.OpenAsync();
                await using var command = new NpgsqlCommand(script, connection);
                await command.ExecuteNonQueryAsync();
            }
            AssertNoProblems(await StoreDefinitionCheck.RunAsync(database));
        }
        finally
        {
            await TestDatabase.DropAsync(database);
        }
    }

    [Fact]
    public async Task The_check_finds_objects_without_a_file_and_definitions_that_differ_from_their_files()
    {
        var database = await TestDatabase.CreateAsync("sqlfilescheck");
        try
        {
            await using (var connection = new NpgsqlConnection(TestDatabase.ConnectionString(database)))
            {
                await connection.OpenAsync();
                await using var command = new NpgsqlCommand("""
                    CREATE FUNCTION plans_touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
                    CREATE TRIGGER plans_touch BEFORE UPDATE ON plans FOR EACH ROW EXECUTE FUNCTION plans_touch();
                    CREATE OR REPLACE FUNCTION idempotency_lock(scope text, key text) RETURNS void LANGUAGE sql AS $$
                        SELECT pg_advisory_xact_lock(hashtextextended(scope || key, 0));
                    $$;
                    CREATE OR REPLACE TRIGGER plans_agencies AFTER UPDATE OF lifecycle, year ON plans
                        FOR EACH ROW EXECUTE FUNCTION plans_refresh_agencies();
                    """, connection);
                await command.ExecuteNonQueryAsync();
            }
            var problems = (await StoreDefinitionCheck.RunAsync(database)).Problems;
            Assert.Contains("function plans_touch() has no file under db/", problems);
            Assert.Contains("trigger plans_touch on plans has no file under db/", problems);
            Assert.Contains(problems, p => p.StartsWith("function idempotency_lock(text,text) differs", StringComparison.Ordinal));
            Assert.Contains(problems, p => p.StartsWith("trigger plans_agencies on plans differs", StringComparison.Ordinal));
            Assert.Equal(4, problems.Count);
        }
        finally
        {
            await TestDatabase.DropAsync(database);
        }
    }

    [Fact]
    public void A_migration_leaves_a_file_to_a_later_migration_that_applies_it_again_or_drops_it()
    {
        (string, IReadOnlyList<string>, IReadOnlyList<string>)[] migrations =
        [
            ("20270101000000_A", ["functions/f.sql", "functions/g.sql", "functions/h.sql", "triggers/t.sql"], []),
            ("20270201000000_B", ["functions/g.sql"], []),
            ("20270301000000_C", [], ["functions/h.sql"]),
            ("20270401000000_D", ["triggers/t.sql", "functions/f.sql"], []),
        ];
        Assert.Empty(SqlFiles.FilesToApply("20270101000000_A", migrations[0].Item2, migrations));
        Assert.Equal(["functions/g.sql"], SqlFiles.FilesToApply("20270201000000_B", migrations[1].Item2, migrations));
        // In the order the migration names them.
        Assert.Equal(["triggers/t.sql", "functions/f.sql"], SqlFiles.FilesToApply("20270401000000_D", migrations[3].Item2, migrations));
        Assert.Equal(["functions/f.sql", "functions/h.sql"],
            SqlFiles.FilesToApply("20270101000000_A", ["functions/f.sql", "functions/h.sql"], migrations[..2]));
    }

    /// <summary>
    /// db/applied.sha256 records, for each migration that applies a file, the SQL it applied (SHA-256). A file edited
    /// after the last migration that applies it would reach new stores but never the stores already past that
    /// migration: the edit needs a new migration that applies the file again. <c>UPDATE_SQLFILES=1</c> appends the
    /// records of new migrations; it never rewrites a record.
    /// </summary>
    [Fact]
    public async Task No_file_under_db_changed_after_the_last_migration_that_applies_it()
    {
        var record = Path.Combine(OpenApiContractTests.RepositoryRoot(), "db", "applied.sha256");
        var recorded = (File.Exists(record) ? await File.ReadAllLinesAsync(record) : [])
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToDictionary(fields => (fields[0], fields[1]), fields => fields[2]);
        var changed = new List<string>();
        var missing = new List<string>();
        foreach (var (path, text) in StoreDefinitionCheck.Files())
        {
            var migration = SqlFiles.FileMigrations.LastOrDefault(m => m.Applies.Contains(path)).MigrationId;
            if (migration is null) continue;
            var sha = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(WithoutHeader(text))));
            if (!recorded.TryGetValue((migration, path), out var applied)) missing.Add($"{migration} {path} {sha}");
            else if (applied != sha)
                changed.Add($"db/{path} changed after {migration} applied it: add a migration that applies it again (db/README.md).");
        }
        if (missing.Count > 0 && Environment.GetEnvironmentVariable("UPDATE_SQLFILES") == "1")
        {
            await File.AppendAllLinesAsync(record, missing);
            missing.Clear();
        }
        Assert.True(changed.Count == 0, string.Join('\n', changed));
        Assert.True(missing.Count == 0,
            $"db/applied.sha256 has no record of:\n{string.Join('\n', missing)}\nAfter adding the migration, run: UPDATE_SQLFILES=1 " +
            "dotnet test tests/PlanApi.Tests --filter FullyQualifiedName~SqlFileTests");
    }

    [Fact]
    public void Every_file_under_db_is_embedded_as_it_is_and_applied_by_a_migration_that_is_the_last_to_name_it()
    {
        var files = StoreDefinitionCheck.Files();
        Assert.Equal(files.Keys.Order(StringComparer.Ordinal), SqlFiles.All);
        foreach (var (path, text) in files)
            Assert.True(text == SqlFiles.Read(path), $"db/{path}: the embedded text differs from the file (rebuild).");
        foreach (var path in SqlFiles.FileMigrations.SelectMany(m => m.Applies.Concat(m.Drops)).Distinct())
        {
            var last = SqlFiles.FileMigrations.Last(m => m.Applies.Contains(path) || m.Drops.Contains(path));
            if (last.Drops.Contains(path))
                Assert.False(files.ContainsKey(path), $"db/{path}: {last.MigrationId} drops its object, so the file goes.");
            else
                Assert.True(files.ContainsKey(path), $"db/{path}: {last.MigrationId} applies it, but there is no such file.");
        }
        var applied = SqlFiles.FileMigrations.SelectMany(m => m.Applies).ToHashSet();
        Assert.All(files.Keys, path => Assert.True(applied.Contains(path), $"db/{path}: no migration applies it."));
    }

    private static void AssertNoProblems(StoreDefinitionCheck check) =>
        Assert.True(check.Problems.Count == 0, string.Join("\n\n", check.Problems));

    /// <summary>The SQL a file applies: its header comment may change without a migration.</summary>
    private static string WithoutHeader(string text) =>
        string.Join('\n', text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').SkipWhile(line => line.StartsWith("--", StringComparison.Ordinal)));
}

/// <summary>
/// Compares a store's functions, procedures, aggregates, triggers and views (public schema, extensions' own left out)
/// with the files under db/, inside a transaction it rolls back. First every file is applied again on top: nothing
/// may change (each file is what the store holds, and can be applied twice). Then every object is dropped and the
/// files applied one by one: each must create exactly the object it is named after, and together they must rebuild
/// the store's objects, no more and no fewer. Definitions compare as PostgreSQL prints them
/// (<c>pg_get_functiondef</c>, <c>pg_get_triggerdef</c>, <c>pg_get_viewdef</c>), each line trimmed: the idempotent
/// script indents what it embeds.
/// </summary>
internal sealed record StoreDefinitionCheck(IReadOnlyList<string> Problems, IReadOnlyList<string> Checked)
{
    private sealed record Definition(string Kind, string Name, string Text);

    private static readonly string[] FolderOrder = ["functions", "views", "triggers"];

    /// <summary>The files under db/ (not the script beside them), in the order they can be applied to a bare store.</summary>
    public static IReadOnlyDictionary<string, string> Files()
    {
        var root = Path.Combine(OpenApiContractTests.RepositoryRoot(), "db");
        return Directory.GetFiles(root, "*.sql", SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(root, file).Replace('\\', '/'))
            .Where(path => path.Contains('/', StringComparison.Ordinal))
            .OrderBy(path => Array.IndexOf(FolderOrder, path[..path.IndexOf('/', StringComparison.Ordinal)]) is var i and >= 0 ? i : FolderOrder.Length)
            .ThenBy(path => path, StringComparer.Ordinal)
            .ToDictionary(path => path, path => File.ReadAllText(Path.Combine(root, path)));
    }

    public static async Task<StoreDefinitionCheck> RunAsync(string database)
    {
        var files = Files();
        var problems = new List<string>();
        await using var connection = new NpgsqlConnection(TestDatabase.ConnectionString(database));
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();

        var stored = await DefinitionsAsync(connection);
        foreach (var (path, text) in files) await ApplyAsync(connection, path, text);
        var reapplied = await DefinitionsAsync(connection);
        foreach (var key in stored.Keys.Union(reapplied.Keys).Order(StringComparer.Ordinal))
        {
            if (!reapplied.ContainsKey(key)) continue;
            if (!stored.TryGetValue(key, out var was))
                problems.Add($"{key} is defined by a file under db/ but the store lacks it");
            else if (was.Text != reapplied[key].Text)
                problems.Add($"{key} differs from its file under db/:\n--- store\n{was.Text}\n--- file\n{reapplied[key].Text}");
        }

        // From a bare store: bodies are checked when they run, not when created, so files apply in any order.
        await ExecuteAsync(connection, "SET LOCAL check_function_bodies = off");
        foreach (var (key, definition) in reapplied.Where(d => d.Value.Kind is "function" or "view"))
            await ExecuteAsync(connection, $"DROP {(definition.Kind == "view" ? "VIEW" : "ROUTINE")} IF EXISTS {key[(definition.Kind.Length + 1)..]} CASCADE");
        var current = await DefinitionsAsync(connection);
        foreach (var (path, text) in files)
        {
            await ApplyAsync(connection, path, text);
            var next = await DefinitionsAsync(connection);
            var made = next.Where(d => !current.TryGetValue(d.Key, out var was) || was.Text != d.Value.Text).Select(d => d.Value).ToList();
            var (kind, name) = Expected(path);
            if (made.Count != 1 || made[0].Kind != kind || made[0].Name != name)
                problems.Add($"db/{path} should define the {kind} {name} alone; it defines: {string.Join(", ", made.Select(d => $"{d.Kind} {d.Name}"))}");
            current = next;
        }
        foreach (var key in stored.Keys.Except(current.Keys).Order(StringComparer.Ordinal))
            problems.Add($"{key} has no file under db/");

        await transaction.RollbackAsync();
        return new StoreDefinitionCheck(problems, stored.Keys.Order(StringComparer.Ordinal).ToList());
    }

    private static (string Kind, string Name) Expected(string path)
    {
        var folder = path[..path.IndexOf('/', StringComparison.Ordinal)];
        var kind = folder switch { "functions" => "function", "triggers" => "trigger", "views" => "view", _ => folder };
        return (kind, Path.GetFileNameWithoutExtension(path));
    }

    private static async Task ApplyAsync(NpgsqlConnection connection, string path, string text)
    {
        try
        {
            await ExecuteAsync(connection, text);
        }
        catch (PostgresException e)
        {
            throw new InvalidOperationException($"db/{path} fails when applied: {e.MessageText}", e);
        }
    }

    private static async Task<Dictionary<string, Definition>> DefinitionsAsync(NpgsqlConnection connection)
    {
        const string sql = """
            SELECT 'function', p.proname::text, p.oid::regprocedure::text,
                   CASE WHEN p.prokind = 'a' THEN 'aggregate ' || p.oid::regprocedure::text ELSE pg_get_functiondef(p.oid) END
            FROM pg_proc p
            WHERE p.pronamespace = 'public'::regnamespace
              AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')
            UNION ALL
            SELECT 'trigger', t.tgname::text, t.tgname || ' on ' || t.tgrelid::regclass::text,
                   pg_get_triggerdef(t.oid) || CASE t.tgenabled WHEN 'O' THEN '' ELSE ' -- enabled: ' || t.tgenabled::text END
            FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
            WHERE NOT t.tgisinternal AND c.relnamespace = 'public'::regnamespace
            UNION ALL
            SELECT 'view', c.relname::text, c.oid::regclass::text, c.relkind::text || ' ' || pg_get_viewdef(c.oid)
            FROM pg_class c
            WHERE c.relkind IN ('v', 'm') AND c.relnamespace = 'public'::regnamespace
              AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
            """;
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var definitions = new Dictionary<string, Definition>(StringComparer.Ordinal);
        while (await reader.ReadAsync())
        {
            var kind = reader.GetString(0);
            definitions[$"{kind} {reader.GetString(2)}"] = new Definition(kind, reader.GetString(1), Normalize(reader.GetString(3)));
        }
        return definitions;
    }

    private static string Normalize(string definition) =>
        string.Join('\n', definition.Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0));

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
