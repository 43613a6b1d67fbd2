using System.Net;
using PlanApi.Tests.Features.Security;

namespace PlanApi.Tests.Observability;

/// <summary>A scraper polls from one address: the metrics endpoint is outside the per-client rate limit (here bursts of 3).</summary>
public sealed class MetricsEndpointLimitTests(RateLimitedPlanApiFactory api) : IClassFixture<RateLimitedPlanApiFactory>
{
    private const int Burst = 10;

    [Fact]
    public async Task A_burst_of_scrapes_is_answered_while_the_same_burst_of_api_reads_is_limited()
    {
        var client = api.CreateAnonymousClient();

        var scrapes = await Task.WhenAll(Enumerable.Range(0, Burst).Select(_ => client.GetAsync("/metrics")));
        var reads = await Task.WhenAll(Enumerable.Range(0, Burst).Select(_ => client.GetAsync($"/api/v1/plans/{Guid.NewGuid()}")));

        Assert.All(scrapes, s => Assert.Equal(HttpStatusCode.OK, s.StatusCode));
        Assert.Contains(reads, r => r.StatusCode == HttpStatusCode.TooManyRequests);
        foreach (var response in scrapes.Concat(reads)) response.Dispose();
    }
}
