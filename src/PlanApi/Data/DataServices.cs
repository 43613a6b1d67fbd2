using Microsoft.EntityFrameworkCore;

namespace PlanApi.Data;

public static class DataServices
{
    public static DbContextOptionsBuilder<PlanDbContext> UsePlanDatabase(
        this DbContextOptionsBuilder<PlanDbContext> options, string connectionString) =>
        options.UseNpgsql(connectionString).UseSnakeCaseNamingConvention();

    public static IServiceCollection AddPlanDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString("PlanDb")
            ?? throw new InvalidOperationException("Set ConnectionStrings__PlanDb to a PostgreSQL connection string.");
        services.AddDbContext<PlanDbContext>(o => ((DbContextOptionsBuilder<PlanDbContext>)o).UsePlanDatabase(connectionString));
        services.AddScoped<Seeder>();
        services.AddHealthChecks()
            .AddDbContextCheck<PlanDbContext>("database", tags: ["ready"])
            .AddCheck<MigrationsHealthCheck>("migrations", tags: ["ready"]);
        return services;
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
