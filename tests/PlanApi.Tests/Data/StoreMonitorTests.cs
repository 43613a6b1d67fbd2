using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PlanApi.Common;
using PlanApi.Data;
using PlanApi.Tests.Infrastructure;

namespace PlanApi.Tests.Data;

/// <summary>
/// The store monitor reads on a connection of its own: when every pooled connection of the requests is busy (a
/// saturated API), its checks still run, so the read models keep serving instead of falling back to the database.
/// </summary>
public sealed class StoreMonitorTests(StoreMonitorTests.OneConnectionFactory api) : IClassFixture<StoreMonitorTests.OneConnectionFactory>
{
    /// <summary>The requests' pool holds one connection and gives up waiting for it after a second.</summary>
    public sealed class OneConnectionFactory : PlanApiFactory
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("ConnectionStrings:PlanDb", TestDatabase.ConnectionString(Database) + ";Maximum Pool Size=1;Timeout=1");
        }
    }

    [Fact]
    public async Task Checks_stay_fresh_and_see_other_writers_while_the_requests_pool_is_exhausted()
    {
        _ = api.CreateClient();
        var monitor = api.Services.GetRequiredService<StoreVersionMonitor>();
        var maxAge = api.Services.GetRequiredService<IOptions<ConditionalGetOptions>>().Value.StoreCheckMaxAge;
        await api.CheckStoreVersionAsync();

        // A request holds the pool's only connection for the rest of the test.
        await using var scope = api.Services.CreateAsyncScope();
        var busy = scope.ServiceProvider.GetRequiredService<PlanDbContext>();
        await busy.Database.OpenConnectionAsync();
        await using var transaction = await busy.Database.BeginTransactionAsync();
        Assert.True(monitor.TryGetGeneration(out var before));

        // Another instance revokes a key (the store's version changes) while everything the last check read ages out.
        await using (var other = api.NewDbContext())
            await other.Database.ExecuteSqlAsync($"UPDATE api_keys SET revoked_at = now() WHERE id = (SELECT id FROM api_keys WHERE revoked_at IS NULL ORDER BY created_at LIMIT 1)");
        api.Clock.Advance(maxAge);
        await api.CheckStoreVersionAsync();

        Assert.True(monitor.TryGetGeneration(out var after), "the monitor's check could not run while the requests' pool was busy");
        Assert.True(after > before, "the monitor did not see the other writer's change");
    }
}
