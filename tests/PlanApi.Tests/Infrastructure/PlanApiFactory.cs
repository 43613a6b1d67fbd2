using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using PlanApi.Data;
using PlanApi.Domain;

namespace PlanApi.Tests.Infrastructure;

/// <summary>
/// The API in memory over its own seeded PostgreSQL database. Use as a class fixture: one database per test class.
/// The clock starts at 2023-03-15 09:00 in Việt Nam and can be moved with <see cref="SetToday"/>.
/// </summary>
public class PlanApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2023, 3, 15, 9, 0, 0, TimeSpan.FromHours(7)).ToUniversalTime());
    public string Database { get; private set; } = "";

    public async Task InitializeAsync()
    {
        Database = await CreateDatabaseAsync();
        if (SeedsAdminKey) AdminKey = await IssueKeyAsync(ClientRole.Admin, clientName: "test admin");
    }

    /// <summary>False for databases without the schema.</summary>
    protected virtual bool SeedsAdminKey => true;

    /// <summary>A copy of the migrated and seeded template, unless a subclass needs another starting point.</summary>
    protected virtual Task<string> CreateDatabaseAsync() => TestDatabase.CreateAsync(GetType().Name);

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await TestDatabase.DropAsync(Database);
    }

    /// <summary>Sets the clock to 09:00 Asia/Ho_Chi_Minh on <paramref name="date"/>.</summary>
    public void SetToday(DateOnly date) => SetNow(new DateTimeOffset(date.ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(7)));

    /// <summary>Moves the clock to <paramref name="now"/>, backwards too (tests pick their own dates).</summary>
    public void SetNow(DateTimeOffset now) => Clock.AdjustTime(now.ToUniversalTime());

    /// <summary>
    /// Moves the clock one <see cref="StoreVersionMonitor.Interval"/> on and waits until the monitor has read the store
    /// again: writes committed before the call (by this instance or straight into PostgreSQL, as another instance's)
    /// are then what cached answers are checked against, and polls may be answered from memory.
    /// </summary>
    public async Task CheckStoreVersionAsync()
    {
        var monitor = Services.GetRequiredService<StoreVersionMonitor>();
        var check = monitor.NextCheck;
        Clock.Advance(Services.GetRequiredService<StoreVersionMonitor>().Interval);
        // A guard against a stopped monitor, not a wait for time to pass: the check itself takes milliseconds.
        await check.WaitAsync(TimeSpan.FromSeconds(30));
    }

    public PlanApi.Data.PlanDbContext NewDbContext() => TestDatabase.NewContext(Database);

    /// <summary>The admin key every client from <see cref="WebApplicationFactory{T}.CreateClient()"/> sends.</summary>
    public string AdminKey { get; private set; } = "";

    /// <summary>
    /// A client with the admin key that sends If-Match on PUT and DELETE as a careful client does; with
    /// <paramref name="sendsIfMatch"/> false it sends only what the test puts on the request.
    /// </summary>
    public HttpClient CreateClient(bool sendsIfMatch = true) =>
        sendsIfMatch ? CreateDefaultClient(new AutoIfMatchHandler()) : CreateDefaultClient();

    /// <summary>A client without credentials, as the public e-portal or a passer-by calls.</summary>
    public HttpClient CreateAnonymousClient()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Remove("X-Api-Key");
        return client;
    }

    /// <summary>A client with a fresh key of <paramref name="role"/> (reporters for <paramref name="agencyCode"/>).</summary>
    public async Task<HttpClient> CreateClientAsync(ClientRole role, string? agencyCode = null)
    {
        var key = await IssueKeyAsync(role, agencyCode);
        var client = CreateAnonymousClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    /// <summary>Stores a key directly (as the CLI would) and returns its secret.</summary>
    public async Task<string> IssueKeyAsync(ClientRole role, string? agencyCode = null, string? clientName = null)
    {
        await using var db = NewDbContext();
        var agencyId = agencyCode is null ? (Guid?)null : (await db.Agencies.SingleAsync(a => a.Code == agencyCode)).Id;
        var secret = ApiKey.NewKey();
        db.ApiKeys.Add(new ApiKey
        {
            ClientName = clientName ?? $"test {role} {agencyCode}", Role = role, AgencyId = agencyId,
            KeyHash = ApiKey.Hash(secret), KeyStart = secret[..10], CreatedAt = DateTimeOffset.UtcNow,
        });
        await db.SaveChangesAsync();
        return secret;
    }

    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        client.DefaultRequestHeaders.Add("X-Api-Key", AdminKey);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:PlanDb", TestDatabase.ConnectionString(Database));
        builder.UseSetting("Database:Migrate", "false");
        builder.UseSetting("Database:Seed", "false");
        // Tests fire requests in bursts from one client; the rate-limit tests use their own factory.
        builder.UseSetting("Limits:RequestsPerSecond", "100000");
        builder.UseSetting("Limits:Burst", "100000");
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }
}
