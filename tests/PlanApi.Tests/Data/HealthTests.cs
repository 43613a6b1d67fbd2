using System.Net;
using PlanApi.Tests.Infrastructure;

namespace PlanApi.Tests.Data;

public sealed class HealthTests(PlanApiFactory api) : IClassFixture<PlanApiFactory>
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task A_migrated_database_is_live_and_ready(string path)
    {
        var response = await api.CreateClient().GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }
}

/// <summary>An API whose database exists but holds no schema: alive, but not ready.</summary>
public sealed class UnmigratedApiFactory : PlanApiFactory
{
    protected override Task<string> CreateDatabaseAsync() => TestDatabase.CreateEmptyAsync("unmigrated");

    protected override bool SeedsAdminKey => false;
}

public sealed class UnmigratedHealthTests(UnmigratedApiFactory api) : IClassFixture<UnmigratedApiFactory>
{
    [Fact]
    public async Task Ready_is_503_until_the_database_is_migrated_while_live_stays_200()
    {
        var client = api.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("Unhealthy", await ready.Content.ReadAsStringAsync());
    }
}
