using System.Diagnostics;
using System.Net;
using PlanApi.Domain;
using PlanApi.Tests.Infrastructure;
using static PlanApi.Tests.Features.Security.SecurityRequests;

namespace PlanApi.Tests.Features.Security;

/// <summary>Per-client rate limits (here 2 requests per second in bursts of 3): the 4th quick request is a 429.</summary>
/// <remarks>
/// Each test uses fresh keys, so each has its own buckets. A bucket is created full at a client's first request and
/// refills continuously (a token every 500 ms at 2 per second), so the requests of one burst must all be sent before
/// the first token comes back: the elapsed time is checked against <see cref="QuickBurst"/> and a slow burst is retried
/// with a fresh key.
/// These tests run on the real clock: ASP.NET Core's rate limiter (System.Threading.RateLimiting's token bucket and
/// partitioned limiter) reads time from Stopwatch and replenishes on its own timer, with no TimeProvider to inject
/// (dotnet/runtime#106447 proposes one), so a fake clock cannot refill a bucket and the refill test waits the
/// Retry-After the API announced, as a client would.
/// </remarks>
public sealed class RateLimitTests(RateLimitedPlanApiFactory api) : IClassFixture<RateLimitedPlanApiFactory>
{
    /// <summary>Under the 500 ms in which one token refills, with room for the limiter's 100 ms replenishment tick.</summary>
    private static readonly TimeSpan QuickBurst = TimeSpan.FromMilliseconds(350);
    private const int BurstAttempts = 6;

    private static async Task WarmUpAsync(RateLimitedPlanApiFactory api)
    {
        // The first requests of a host are slow (JIT, pools); warm up with a throw-away client.
        var warm = await api.CreateClientAsync(ClientRole.Reader);
        (await warm.GetAsync($"{AgenciesPath}/{Education}")).Dispose();
    }

    /// <summary>
    /// Sends <paramref name="count"/> quick GETs with a fresh reader key; retries with another key when the machine
    /// was too slow to send them within the bucket's first second.
    /// </summary>
    private async Task<(HttpClient Client, List<HttpResponseMessage> Responses)> BurstAsync(int count, ClientRole role = ClientRole.Reader)
    {
        await WarmUpAsync(api);
        for (var attempt = 0; attempt < BurstAttempts; attempt++)
        {
            var client = api.WithKey(await api.IssueKeyAsync(role));
            var clock = Stopwatch.StartNew();
            var responses = new List<HttpResponseMessage>();
            for (var i = 0; i < count; i++) responses.Add(await client.GetAsync($"{AgenciesPath}/{Education}"));
            if (clock.Elapsed < QuickBurst) return (client, responses);
            responses.ForEach(r => r.Dispose());
        }
        Assert.Fail($"{BurstAttempts} bursts in a row took over {QuickBurst.TotalMilliseconds} ms: the machine is too slow to test a 2-per-second bucket.");
        throw new InvalidOperationException();
    }

    [Fact]
    public async Task Fourth_quick_request_of_one_client_is_429_with_Retry_After_while_another_client_is_served()
    {
        var other = await api.CreateClientAsync(ClientRole.Reader);
        var (_, responses) = await BurstAsync(4);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests],
            responses.Select(r => r.StatusCode));
        var fourth = responses[3];
        var problem = await fourth.ProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Contains("2 requests per second", problem.Str("detail"));
        var retryAfter = Assert.Single(fourth.Headers.GetValues("Retry-After"));
        Assert.True(int.TryParse(retryAfter, out var seconds) && seconds is >= 1 and <= 2, $"Retry-After: {retryAfter}");
        responses.ForEach(r => r.Dispose());

        using var served = await other.GetAsync($"{AgenciesPath}/{Education}");
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
    }

    [Fact]
    public async Task Limited_write_is_refused_before_it_writes()
    {
        await WarmUpAsync(api);
        for (var attempt = 0; attempt < BurstAttempts; attempt++)
        {
            var admin = api.WithKey(await api.IssueKeyAsync(ClientRole.Admin));
            var before = await DbCounts.CaptureAsync(api);
            var code = NewCode();
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < 3; i++) (await admin.GetAsync($"{AgenciesPath}/{Education}")).Dispose();
            using var response = await admin.SendAsync(HttpMethod.Post, AgenciesPath, AgencyBody(code));
            if (clock.Elapsed >= QuickBurst) continue;

            await response.ProblemAsync(HttpStatusCode.TooManyRequests);
            Assert.Equal(before, await DbCounts.CaptureAsync(api));
            return;
        }
        Assert.Fail($"{BurstAttempts} bursts in a row took over {QuickBurst.TotalMilliseconds} ms: the machine is too slow to test a 2-per-second bucket.");
    }

    [Fact]
    public async Task Bucket_refills_after_the_Retry_After_delay()
    {
        await WarmUpAsync(api);
        var client = await api.CreateClientAsync(ClientRole.Reader);
        HttpResponseMessage? limited = null;
        for (var i = 0; i < 6 && limited is null; i++)
        {
            var response = await client.GetAsync($"{AgenciesPath}/{Education}");
            if (response.StatusCode == HttpStatusCode.TooManyRequests) limited = response;
            else response.Dispose();
        }
        Assert.NotNull(limited);
        var wait = int.Parse(Assert.Single(limited.Headers.GetValues("Retry-After")), System.Globalization.CultureInfo.InvariantCulture);
        limited.Dispose();

        await Task.Delay(TimeSpan.FromSeconds(wait) + TimeSpan.FromMilliseconds(200));

        using var again = await client.GetAsync($"{AgenciesPath}/{Education}");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [Fact]
    public async Task Health_probes_are_never_limited()
    {
        var anonymous = api.CreateAnonymousClient();
        for (var i = 0; i < 10; i++)
        {
            using var response = await anonymous.GetAsync("/health/live");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }
}
