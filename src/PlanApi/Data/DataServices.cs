using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace PlanApi.Data;

/// <summary>Bounds on how long a request waits inside PostgreSQL.</summary>
public static class DatabaseTimeouts
{
    /// <summary>
    /// The longest a write waits for a row lock another write holds (two reports on one item at once): past it the
    /// request answers 503 with Retry-After rather than hang. Writes hold their locks for milliseconds.
    /// </summary>
    public static TimeSpan LockTimeout { get; } = TimeSpan.FromSeconds(2);
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
        connectionString = WithSessionDefaults(connectionString);
        services.AddDbContextPool<PlanDbContext>((sp, o) =>
            ((DbContextOptionsBuilder<PlanDbContext>)o).UsePlanDatabase(connectionString).AddInterceptors(sp.GetRequiredService<CommitObserver>()));
        services.AddScoped<Seeder>();
        services.AddSingleton<StoreVersionMonitor>();
        services.AddSingleton<CommitObserver>();
        services.AddHostedService(sp => sp.GetRequiredService<StoreVersionMonitor>());
        services.AddHealthChecks()
            .AddDbContextCheck<PlanDbContext>("database", tags: ["ready"])
            .AddCheck<MigrationsHealthCheck>("migrations", tags: ["ready"]);
        return services;
    }

    /// <summary>
    /// The API's session settings, unless the connection string sets them: <c>lock_timeout</c> (see
    /// <see cref="DatabaseTimeouts"/>); <c>jit=off</c>, since JIT-compiling a short OLTP query costs more than running
    /// it; and automatic preparation of the statements used most (parsed and planned once per connection).
    /// Options given in the connection string come last and win.
    /// </summary>
    public static string WithSessionDefaults(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var defaults = $"-c lock_timeout={(int)DatabaseTimeouts.LockTimeout.TotalMilliseconds} -c jit=off";
        builder.Options = string.IsNullOrWhiteSpace(builder.Options) ? defaults : $"{defaults} {builder.Options}";
        if (!new NpgsqlConnectionStringBuilder(connectionString).ContainsKey("Max Auto Prepare")) builder.MaxAutoPrepare = 32;
        return builder.ConnectionString;
    }

    /// <summary>Applies pending migrations and loads the seed data, when configured to (the default).</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var config = app.Configuration;
        if (config.GetValue("Database:Migrate", true))
        {
            await scope.ServiceProvider.GetRequiredService<PlanDbContext>().Database.MigrateAsync();
        }
        if (config.GetValue("Database:Seed", true))
        {
            var directory = config["Database:SeedPath"] ?? Seeder.FindSeedDirectory(AppContext.BaseDirectory)
                ?? Seeder.FindSeedDirectory(Directory.GetCurrentDirectory())
                ?? throw new DirectoryNotFoundException("No seeds/ folder found; set Database__SeedPath.");
            await scope.ServiceProvider.GetRequiredService<Seeder>().SeedAsync(directory);
        }
    }
}
