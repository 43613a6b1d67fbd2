using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace PlanApi.Data;

/// <summary>The store: how the API talks to it and prepares it at start-up (configuration section "Database").</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>
    /// The longest any statement waits for a lock another write holds (a row two reports want at once, an
    /// Idempotency-Key still in flight): past it the request answers 503 (a row) or 409 (a key) with Retry-After
    /// rather than hang. Writes hold their locks for milliseconds. Set once per connection as <c>lock_timeout</c>.
    /// </summary>
    [System.ComponentModel.DataAnnotations.Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan LockTimeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Apply pending migrations at start-up.</summary>
    public bool Migrate { get; set; } = true;

    /// <summary>
    /// The longest one migration statement may run (an index or a backfill on a large store takes longer than a
    /// request's statement may).
    /// </summary>
    [System.ComponentModel.DataAnnotations.Range(typeof(TimeSpan), "00:00:30", "1.00:00:00")]
    public TimeSpan MigrationTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Load the seed data at start-up (once: a seeded store is left as it is).</summary>
    public bool Seed { get; set; } = true;

    /// <summary>Where the seeds/ folder is; by default found next to the application or the working directory.</summary>
    public string? SeedPath { get; set; }
}

public static class DataServices
{
    public static DbContextOptionsBuilder<PlanDbContext> UsePlanDatabase(
        this DbContextOptionsBuilder<PlanDbContext> options, string connectionString) =>
        options.UseNpgsql(connectionString).UseSnakeCaseNamingConvention();

    public static IServiceCollection AddPlanDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString("PlanDb")
            ?? throw new InvalidOperationException("Set ConnectionStrings__PlanDb to a PostgreSQL connection string.");
        var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        connectionString = WithSessionDefaults(connectionString, database.LockTimeout);
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddDbContextPool<PlanDbContext>((sp, o) =>
            ((DbContextOptionsBuilder<PlanDbContext>)o).UsePlanDatabase(connectionString).AddInterceptors(sp.GetRequiredService<CommitObserver>()));
        services.AddScoped<Seeder>();
        services.AddSingleton(new StoreMonitorDatabase(new DbContextOptionsBuilder<PlanDbContext>()
            .UsePlanDatabase(StoreMonitorDatabase.ConnectionString(connectionString)).Options));
        services.AddSingleton<StoreVersionMonitor>();
        services.AddSingleton<StoreChanges>();
        services.AddSingleton<CommitObserver>();
        services.AddHostedService(sp => sp.GetRequiredService<StoreVersionMonitor>());
        services.AddHealthChecks()
            .AddDbContextCheck<PlanDbContext>("database", tags: ["ready"])
            .AddCheck<MigrationsHealthCheck>("migrations", tags: ["ready"]);
        return services;
    }

    /// <summary>
    /// The API's session settings, unless the connection string sets them: <c>lock_timeout</c> (see
    /// <see cref="DatabaseOptions.LockTimeout"/>); <c>jit=off</c>, since JIT-compiling a short OLTP query costs more than running
    /// it; and automatic preparation of the statements used most (parsed and planned once per connection).
    /// Options given in the connection string come last and win.
    /// </summary>
    public static string WithSessionDefaults(string connectionString, TimeSpan? lockTimeout = null)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var defaults = $"-c lock_timeout={(int)(lockTimeout ?? new DatabaseOptions().LockTimeout).TotalMilliseconds} -c jit=off";
        builder.Options = string.IsNullOrWhiteSpace(builder.Options) ? defaults : $"{defaults} {builder.Options}";
        if (!Names(connectionString, "Max Auto Prepare")) builder.MaxAutoPrepare = MaxAutoPrepare;
        return builder.ConnectionString;
    }

    /// <summary>
    /// How many statements each connection keeps prepared: the API's hot statements (item, agency page, search, status,
    /// the POST's) all fit, with room for the rest of what a busy connection runs.
    /// </summary>
    public const int MaxAutoPrepare = 64;

    /// <summary>
    /// Whether the connection string itself gives <paramref name="keyword"/> (in any of its spellings). Npgsql's own
    /// builder cannot tell: its <c>ContainsKey</c> answers whether the keyword exists at all, which is always true.
    /// </summary>
    private static bool Names(string connectionString, string keyword)
    {
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        static string Squeezed(string name) => name.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        return given.Keys.Cast<string>().Any(k => Squeezed(k) == Squeezed(keyword));
    }

    /// <summary>Applies pending migrations and loads the seed data, when configured to (the default).</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var options = scope.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<DatabaseOptions>>().Value;
        if (options.Migrate)
        {
            var db = scope.ServiceProvider.GetRequiredService<PlanDbContext>();
            var timeout = db.Database.GetCommandTimeout();
            db.Database.SetCommandTimeout(options.MigrationTimeout);
            await db.Database.MigrateAsync();
            // The context goes back to the pool: its next requests get the usual timeout.
            db.Database.SetCommandTimeout(timeout);
        }
        if (options.Seed)
        {
            var directory = options.SeedPath ?? Seeder.FindSeedDirectory(AppContext.BaseDirectory)
                ?? Seeder.FindSeedDirectory(Directory.GetCurrentDirectory())
                ?? throw new DirectoryNotFoundException("No seeds/ folder found; set Database__SeedPath.");
            await scope.ServiceProvider.GetRequiredService<Seeder>().SeedAsync(directory);
        }
    }
}
