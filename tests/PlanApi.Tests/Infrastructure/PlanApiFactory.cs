using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace PlanApi.Tests.Infrastructure;

/// <summary>
/// The API in memory over its own seeded PostgreSQL database. Use as a class fixture: one database per test class.
/// The clock starts at 2023-03-15 09:00 in Việt Nam and can be moved with <see cref="SetToday"/>.
/// </summary>
public class PlanApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2023, 3, 15, 9, 0, 0, TimeSpan.FromHours(7)));
    public string Database { get; private set; } = "";

    public async Task InitializeAsync() => Database = await CreateDatabaseAsync();

    /// <summary>A copy of the migrated and seeded template, unless a subclass needs another starting point.</summary>
    protected virtual Task<string> CreateDatabaseAsync() => TestDatabase.CreateAsync(GetType().Name);

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await TestDatabase.DropAsync(Database);
    }

    /// <summary>Sets the clock to 09:00 Asia/Ho_Chi_Minh on <paramref name="date"/>.</summary>
    public void SetToday(DateOnly date) =>
        Clock.SetUtcNow(new DateTimeOffset(date.ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(7)));

    public PlanApi.Data.PlanDbContext NewDbContext() => TestDatabase.NewContext(Database);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:PlanDb", TestDatabase.ConnectionString(Database));
        builder.UseSetting("Database:Migrate", "false");
        builder.UseSetting("Database:Seed", "false");
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }
}
