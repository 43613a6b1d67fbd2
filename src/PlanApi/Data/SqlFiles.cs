using System.Reflection;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PlanApi.Data;

/// <summary>
/// The store's functions and triggers, one file each under <c>db/functions/</c> and <c>db/triggers/</c>, embedded in
/// the assembly. A file holds the current definition of its object, written so that applying it again changes nothing;
/// migrations apply files (<see cref="AppliesSqlFilesAttribute"/>) instead of spelling the SQL out. See db/README.md.
/// </summary>
public static class SqlFiles
{
    private const string ResourcePrefix = "db/";

    /// <summary>Every embedded file, by its path under db/ ("functions/plan_item_agencies_of.sql").</summary>
    public static IReadOnlyList<string> All { get; } = typeof(SqlFiles).Assembly.GetManifestResourceNames()
        .Where(name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal) && name.EndsWith(".sql", StringComparison.Ordinal))
        .Select(name => name[ResourcePrefix.Length..])
        .Order(StringComparer.Ordinal)
        .ToArray();

    /// <summary>Each migration that applies or drops files, oldest first, with the files it names.</summary>
    public static IReadOnlyList<(string MigrationId, IReadOnlyList<string> Applies, IReadOnlyList<string> Drops)> FileMigrations { get; } =
        typeof(SqlFiles).Assembly.GetTypes()
            .Where(type => type.IsSubclassOf(typeof(Migration)))
            .Select(type => (Id: MigrationIdOf(type), Applies: type.GetCustomAttribute<AppliesSqlFilesAttribute>()?.Files ?? [],
                Drops: type.GetCustomAttribute<DropsSqlFilesAttribute>()?.Files ?? []))
            .Where(migration => migration.Applies.Count > 0 || migration.Drops.Count > 0)
            .OrderBy(migration => migration.Id, StringComparer.Ordinal)
            .ToArray();

    public static string Read(string path)
    {
        using var stream = typeof(SqlFiles).Assembly.GetManifestResourceStream(ResourcePrefix + path)
            ?? throw new FileNotFoundException($"db/{path} is not embedded: PlanApi.csproj embeds the .sql files in the folders of db/.", path);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>
    /// Applies the files the migration names in its <see cref="AppliesSqlFilesAttribute"/>, in that order, except those
    /// a later migration applies again or drops. A file holds the definition of today, which may need a later
    /// migration's schema (a new column in a trigger's <c>UPDATE OF</c> list): a store migrated across both gets it from
    /// the later one, where it was last changed, and keeps the definition of its time until then.
    /// </summary>
    public static void ApplySqlFiles(this MigrationBuilder migrationBuilder, Migration migration)
    {
        var type = migration.GetType();
        var files = type.GetCustomAttribute<AppliesSqlFilesAttribute>()?.Files
            ?? throw new InvalidOperationException($"{type.Name} names no files: add [AppliesSqlFiles(...)].");
        foreach (var file in FilesToApply(MigrationIdOf(type), files, FileMigrations)) migrationBuilder.Sql(Read(file));
    }

    internal static IEnumerable<string> FilesToApply(
        string migrationId, IEnumerable<string> files, IEnumerable<(string MigrationId, IReadOnlyList<string> Applies, IReadOnlyList<string> Drops)> migrations) =>
        files.Where(file => !migrations.Any(later => string.CompareOrdinal(later.MigrationId, migrationId) > 0
            && (later.Applies.Contains(file) || later.Drops.Contains(file))));

    private static string MigrationIdOf(Type migration) =>
        migration.GetCustomAttribute<MigrationAttribute>()?.Id ?? migration.Name;
}

/// <summary>The files under db/ a migration applies, in the order given ("functions/x.sql", "triggers/y.sql").</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class AppliesSqlFilesAttribute(params string[] files) : Attribute
{
    public IReadOnlyList<string> Files { get; } = files;
}

/// <summary>
/// The files under db/ whose objects a migration drops (with <c>migrationBuilder.Sql("DROP …")</c>; the files are then
/// deleted): earlier migrations no longer apply them.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class DropsSqlFilesAttribute(params string[] files) : Attribute
{
    public IReadOnlyList<string> Files { get; } = files;
}
