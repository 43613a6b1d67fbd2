using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PlanApi.Domain;
using PlanApi.Tests.Infrastructure;
using static PlanApi.Tests.Features.Plans.PlanRequests;
using static PlanApi.Tests.Features.Security.SecurityRequests;

namespace PlanApi.Tests.Features.Security;

/// <summary>
/// Idempotency-Key on every POST, here on plans and agencies: a retry replays the first 201 (body, Location,
/// Idempotent-Replayed: true) and writes nothing; another body is a 422; keys belong to one client; a failed
/// request stores nothing, so the client may fix it and retry with the same key.
/// </summary>
public sealed class IdempotencyOnEveryPostTests(PlanApiFactory api) : IClassFixture<PlanApiFactory>
{
    private readonly HttpClient _admin = api.CreateClient();

    /// <summary>The two resources, with a fresh valid body each time and how many of that body's resource exist.</summary>
    public static TheoryData<string> Resources() => new() { "plan", "agency" };

    private static (string Url, JsonObject Body, string Identity) Fresh(string resource)
    {
        if (resource == "plan")
        {
            var number = UniqueNumber();
            return (PlansPath, PlanBody(number), number);
        }
        var code = NewCode("co-quan-idem");
        return (AgenciesPath, AgencyBody(code), code);
    }

    private async Task<int> CountAsync(string resource, string identity)
    {
        await using var db = api.NewDbContext();
        return resource == "plan"
            ? await db.Plans.CountAsync(p => p.Number == identity)
            : await db.Agencies.CountAsync(a => a.Code == identity);
    }

    private async Task<int> RecordsAsync(string key)
    {
        await using var db = api.NewDbContext();
        return await db.IdempotencyRecords.CountAsync(r => r.Key == key);
    }

    private static async Task<(HttpStatusCode Status, string Body, string? Location, bool Replayed)> PostAsync(
        HttpClient client, string url, JsonNode body, string key)
    {
        using var response = await client.SendAsync(HttpMethod.Post, url, body, ("Idempotency-Key", key));
        var replayed = response.Headers.TryGetValues("Idempotent-Replayed", out var values);
        if (replayed) Assert.Equal(["true"], values!);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), response.Headers.Location?.ToString(), replayed);
    }

    [Theory]
    [MemberData(nameof(Resources))]
    public async Task Same_key_and_body_replays_the_201_with_its_body_and_Location_and_writes_nothing(string resource)
    {
        var (url, body, identity) = Fresh(resource);
        var key = NewKey();

        var first = await PostAsync(_admin, url, body, key);
        Assert.True(first.Status == HttpStatusCode.Created, first.Body);
        Assert.False(first.Replayed);
        Assert.NotNull(first.Location);
        var countsAfterFirst = await DbCounts.CaptureAsync(api);

        var retry = await PostAsync(_admin, url, body, key);

        Assert.Equal(HttpStatusCode.Created, retry.Status);
        Assert.True(retry.Replayed, "the retry should carry Idempotent-Replayed: true");
        Assert.Equal(first.Body, retry.Body);
        Assert.Equal(first.Location, retry.Location);
        Assert.Equal(countsAfterFirst, await DbCounts.CaptureAsync(api));
        Assert.Equal(1, await CountAsync(resource, identity));
        Assert.Equal(1, await RecordsAsync(key));
        // The Location reads the one resource, as the 201 showed it.
        var read = await _admin.GetJsonAsync(first.Location!);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(first.Body), read), $"{first.Body}\n{read.ToJsonString()}");
    }

    [Theory]
    [MemberData(nameof(Resources))]
    public async Task Same_key_with_another_body_is_422_and_writes_nothing(string resource)
    {
        var (url, body, identity) = Fresh(resource);
        var key = NewKey();
        Assert.Equal(HttpStatusCode.Created, (await PostAsync(_admin, url, body, key)).Status);
        var (_, other, otherIdentity) = Fresh(resource);
        var before = await DbCounts.CaptureAsync(api);

        using var response = await _admin.SendAsync(HttpMethod.Post, url, other, ("Idempotency-Key", key));

        var problem = await response.ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["Idempotency-Key"], problem.ErrorFields());
        Assert.False(response.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(before, await DbCounts.CaptureAsync(api));
        Assert.Equal(0, await CountAsync(resource, otherIdentity));
        Assert.Equal(1, await CountAsync(resource, identity));
    }

    [Fact]
    public async Task Same_key_on_another_endpoint_is_422()
    {
        var key = NewKey();
        var (planUrl, planBody, _) = Fresh("plan");
        Assert.Equal(HttpStatusCode.Created, (await PostAsync(_admin, planUrl, planBody, key)).Status);
        var (agencyUrl, agencyBody, code) = Fresh("agency");

        using var response = await _admin.SendAsync(HttpMethod.Post, agencyUrl, agencyBody, ("Idempotency-Key", key));

        await response.ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(0, await CountAsync("agency", code));
    }

    [Theory]
    [MemberData(nameof(Resources))]
    public async Task Keys_are_per_client_two_credentials_with_one_key_each_create_their_own(string resource)
    {
        var key = NewKey();
        var first = api.WithKey(await api.IssueKeyAsync(ClientRole.Admin, clientName: "Cổng TTĐT thành phố"));
        var second = api.WithKey(await api.IssueKeyAsync(ClientRole.Admin, clientName: "Phần mềm QLVB Ban TĐKT"));
        var (url, firstBody, firstIdentity) = Fresh(resource);
        var (_, secondBody, secondIdentity) = Fresh(resource);

        var a = await PostAsync(first, url, firstBody, key);
        var b = await PostAsync(second, url, secondBody, key);

        Assert.True(a.Status == HttpStatusCode.Created, a.Body);
        Assert.True(b.Status == HttpStatusCode.Created, b.Body);
        Assert.False(b.Replayed);
        Assert.NotEqual(a.Location, b.Location);
        Assert.Equal(1, await CountAsync(resource, firstIdentity));
        Assert.Equal(1, await CountAsync(resource, secondIdentity));
        Assert.Equal(2, await RecordsAsync(key));
    }

    [Theory]
    [InlineData("plan", "title", 400)]
    [InlineData("plan", "issuerCode", 422)]
    [InlineData("agency", "kind", 400)]
    [InlineData("agency", "parentCode", 422)]
    public async Task Failed_request_stores_nothing_so_the_fixed_request_succeeds_with_the_same_key(string resource, string field, int status)
    {
        var (url, body, identity) = Fresh(resource);
        var broken = body.DeepClone().AsObject();
        broken[field] = status == 400 ? null : "khong-ton-tai";
        var key = NewKey();
        var before = await DbCounts.CaptureAsync(api);

        using (var failed = await _admin.SendAsync(HttpMethod.Post, url, broken, ("Idempotency-Key", key)))
        {
            var problem = await failed.ProblemAsync((HttpStatusCode)status);
            Assert.Contains(field, problem.ErrorFields());
        }
        Assert.Equal(before, await DbCounts.CaptureAsync(api));
        Assert.Equal(0, await RecordsAsync(key));

        var fixedUp = await PostAsync(_admin, url, body, key);
        Assert.True(fixedUp.Status == HttpStatusCode.Created, fixedUp.Body);
        Assert.False(fixedUp.Replayed);
        Assert.Equal(1, await CountAsync(resource, identity));

        var retry = await PostAsync(_admin, url, body, key);
        Assert.Equal(HttpStatusCode.Created, retry.Status);
        Assert.True(retry.Replayed);
        Assert.Equal(fixedUp.Body, retry.Body);
    }

    [Theory]
    [MemberData(nameof(Resources))]
    public async Task Twenty_parallel_retries_with_one_key_create_exactly_one_and_all_get_the_same_answer(string resource)
    {
        var (url, body, identity) = Fresh(resource);
        var key = NewKey();
        var auditBefore = (await DbCounts.CaptureAsync(api)).Audit;

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => PostAsync(_admin, url, body, key)));

        Assert.All(answers, a => Assert.True(a.Status == HttpStatusCode.Created, $"{(int)a.Status}: {a.Body}"));
        Assert.Single(answers.Select(a => a.Body).Distinct());
        Assert.Single(answers.Select(a => a.Location).Distinct());
        Assert.Equal(19, answers.Count(a => a.Replayed));
        Assert.Equal(1, await CountAsync(resource, identity));
        Assert.Equal(1, await RecordsAsync(key));
        Assert.Equal(auditBefore + 1, (await DbCounts.CaptureAsync(api)).Audit);
    }
}
