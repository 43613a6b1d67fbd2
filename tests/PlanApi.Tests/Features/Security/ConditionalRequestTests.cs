using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PlanApi.Tests.Infrastructure;
using static PlanApi.Tests.Features.Plans.PlanRequests;
using static PlanApi.Tests.Features.Security.SecurityRequests;

namespace PlanApi.Tests.Features.Security;

/// <summary>
/// If-Match on every PUT and DELETE (428 without it, 412 with an older ETag, and then nothing changes), parallel
/// editors never lose an update, and If-None-Match answers 304 until a change, a report included, alters the resource.
/// </summary>
public sealed class ConditionalRequestTests(PlanApiFactory api) : IClassFixture<PlanApiFactory>
{
    private readonly HttpClient _admin = api.CreateClient();
    private readonly HttpClient _bare = api.CreateClient(sendsIfMatch: false);

    public static TheoryData<string> Writes() => new()
    {
        "PUT plan", "DELETE plan", "PUT item", "DELETE item", "PUT agency", "PUT grouping",
    };

    /// <summary>A fresh target: its URL, the request method and body, and a second body to change it with.</summary>
    private async Task<(string Url, HttpMethod Method, JsonObject? Body, JsonObject Change)> TargetAsync(string write)
    {
        switch (write)
        {
            case "PUT plan" or "DELETE plan":
                {
                    var (id, number) = await _admin.CreateDraftPlanAsync();
                    return ($"{PlansPath}/{id}", write.StartsWith("PUT", StringComparison.Ordinal) ? HttpMethod.Put : HttpMethod.Delete,
                        PlanBody(number, title: "Tiêu đề của người sửa thứ hai"), PlanBody(number, title: "Tiêu đề của người sửa thứ nhất"));
                }
            case "PUT item" or "DELETE item":
                {
                    var (id, _) = await _admin.CreateDraftPlanAsync();
                    await _admin.CreateItemAsync(id, ItemBody(1, content: "Nội dung ban đầu"));
                    return ($"{PlansPath}/{id}/items/1", write.StartsWith("PUT", StringComparison.Ordinal) ? HttpMethod.Put : HttpMethod.Delete,
                        ItemBody(null, content: "Nội dung của người sửa thứ hai"), ItemBody(null, content: "Nội dung của người sửa thứ nhất"));
                }
            case "PUT agency":
                {
                    var code = await _admin.CreateAgencyAsync();
                    return ($"{AgenciesPath}/{code}", HttpMethod.Put, AgencyBody(null, name: "Tên của người sửa thứ hai"),
                        AgencyBody(null, name: "Tên của người sửa thứ nhất"));
                }
            case "PUT grouping":
                {
                    var code = await _admin.CreateGroupingAsync();
                    return ($"{GroupingsPath}/{code}", HttpMethod.Put, GroupingBody(null, name: "Khối của người sửa thứ hai"),
                        GroupingBody(null, name: "Khối của người sửa thứ nhất"));
                }
            default:
                throw new ArgumentOutOfRangeException(nameof(write));
        }
    }

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task Write_without_If_Match_is_428_and_changes_nothing(string write)
    {
        var (url, method, body, _) = await TargetAsync(write);
        var state = await _admin.StateAsync(url);
        var counts = await DbCounts.CaptureAsync(api);

        using var response = await _bare.SendAsync(method, url, method == HttpMethod.Put ? body : null);

        var problem = await response.ProblemAsync((HttpStatusCode)428);
        Assert.Contains("If-Match", problem.Str("detail"));
        Assert.Equal(state, await _admin.StateAsync(url));
        Assert.Equal(counts, await DbCounts.CaptureAsync(api));
    }

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task Write_with_a_stale_ETag_is_412_and_changes_nothing(string write)
    {
        var (url, method, body, change) = await TargetAsync(write);
        var stale = await _admin.ETagAsync(url);
        // Someone else changes the resource first.
        using (var first = await _bare.SendAsync(HttpMethod.Put, url, change, ("If-Match", stale)))
            await first.JsonAsync(HttpStatusCode.OK);
        var current = await _admin.ETagAsync(url);
        Assert.NotEqual(stale, current);
        var state = await _admin.StateAsync(url);
        var counts = await DbCounts.CaptureAsync(api);

        using var response = await _bare.SendAsync(method, url, method == HttpMethod.Put ? body : null, ("If-Match", stale));

        var problem = await response.ProblemAsync(HttpStatusCode.PreconditionFailed);
        Assert.Contains(current, problem.Str("detail"));
        Assert.Equal(state, await _admin.StateAsync(url));
        Assert.Equal(counts, await DbCounts.CaptureAsync(api));
    }

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task Write_with_the_current_ETag_succeeds(string write)
    {
        var (url, method, body, _) = await TargetAsync(write);
        var (before, etag) = await _admin.ReadAsync(url);

        using var response = await _bare.SendAsync(method, url, method == HttpMethod.Put ? body : null, ("If-Match", etag));

        if (method == HttpMethod.Delete)
        {
            Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
            await (await _admin.GetAsync(url)).ProblemAsync(HttpStatusCode.NotFound);
            return;
        }
        var updated = await response.JsonAsync(HttpStatusCode.OK);
        Assert.False(JsonNode.DeepEquals(before, updated));
        var (read, newETag) = await _admin.ReadAsync(url);
        Assert.True(JsonNode.DeepEquals(updated, read), $"{updated.ToJsonString()}\n{read.ToJsonString()}");
        Assert.NotEqual(etag, newETag);
    }

    [Fact]
    public async Task Ten_parallel_editors_with_one_ETag_one_wins_the_others_get_412_and_no_update_is_lost()
    {
        var (planId, _) = await _admin.CreateDraftPlanAsync();
        await _admin.CreateItemAsync(planId, ItemBody(1, content: "Nội dung ban đầu"));
        var url = $"{PlansPath}/{planId}/items/1";
        var etag = await _admin.ETagAsync(url);
        var auditBefore = (await DbCounts.CaptureAsync(api)).Audit;

        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(async i =>
        {
            var content = $"Nội dung do người sửa số {i} gửi";
            using var response = await api.CreateClient(sendsIfMatch: false)
                .SendAsync(HttpMethod.Put, url, ItemBody(null, content: content), ("If-Match", etag));
            return (Content: content, response.StatusCode, Body: await response.Content.ReadAsStringAsync(),
                response.Content.Headers.ContentType?.MediaType);
        }));

        var winner = Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK);
        var losers = answers.Where(a => a.StatusCode != HttpStatusCode.OK).ToList();
        Assert.Equal(9, losers.Count);
        Assert.All(losers, a =>
        {
            Assert.True(a.StatusCode == HttpStatusCode.PreconditionFailed, $"{(int)a.StatusCode}: {a.Body}");
            Assert.Equal("application/problem+json", a.MediaType);
        });
        var item = await _admin.GetJsonAsync(url);
        Assert.Equal(winner.Content, item.Str("content"));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(winner.Body), item));
        Assert.Equal(auditBefore + 1, (await DbCounts.CaptureAsync(api)).Audit);
        var audit = (await _admin.AuditAsync($"resourceType=plan_item&resourceKey={Uri.EscapeDataString($"{planId}/1")}")).Items();
        var update = Assert.Single(audit, e => e.Str("action") == "update");
        Assert.Equal(winner.Content, update["after"]!.Str("content"));
        Assert.Equal("Nội dung ban đầu", update["before"]!.Str("content"));
    }

    [Theory]
    [InlineData("item")]
    [InlineData("plan")]
    [InlineData("agency")]
    [InlineData("grouping")]
    [InlineData("items list")]
    [InlineData("agency items")]
    public async Task Get_with_the_current_ETag_in_If_None_Match_is_304_without_a_body(string what)
    {
        var planId = await SeededPlan.IdAsync(_admin);
        var url = what switch
        {
            "item" => $"{PlansPath}/{planId}/items/19",
            "plan" => $"{PlansPath}/{planId}",
            "agency" => $"{AgenciesPath}/{Education}",
            "grouping" => $"{GroupingsPath}/cum-5-thanh-pho-truc-thuoc-trung-uong-2023",
            "items list" => $"{PlansPath}/{planId}/items?limit=100",
            _ => $"{AgenciesPath}/{Education}/items",
        };
        string etag, versions;
        using (var first = await _admin.GetAsync(url))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            etag = first.Headers.ETag!.Tag;
            versions = Assert.Single(first.Headers.GetValues("api-supported-versions"));
        }

        using var response = await _admin.SendAsync(HttpMethod.Get, url, null, ("If-None-Match", etag));

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(etag, response.Headers.ETag?.Tag);
        Assert.Equal(versions, Assert.Single(response.Headers.GetValues("api-supported-versions")));
        // Another ETag is not a match.
        using var other = await _admin.SendAsync(HttpMethod.Get, url, null, ("If-None-Match", "\"AAAAAAAAAAAAAAAAAAAAAAAA\""));
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task A_report_changes_the_ETags_of_the_item_the_plans_items_and_the_agencys_items()
    {
        var planId = await SeededPlan.IdAsync(_admin);
        string[] urls = [$"{PlansPath}/{planId}/items/19", $"{PlansPath}/{planId}/items?limit=100", $"{AgenciesPath}/{Education}/items"];
        var before = new List<string>();
        foreach (var url in urls) before.Add(await _admin.ETagAsync(url));

        await (await _admin.PostReportAsync(planId, 19, ReportBody(Education, "in_progress", 65))).JsonAsync(HttpStatusCode.Created);

        for (var i = 0; i < urls.Length; i++)
        {
            using var response = await _admin.SendAsync(HttpMethod.Get, urls[i], null, ("If-None-Match", before[i]));
            var body = await response.JsonAsync(HttpStatusCode.OK);
            Assert.NotEqual(before[i], response.Headers.ETag?.Tag);
            var item = urls[i].Contains("items/19") ? body : body.Items().Single(x => x.Int("ordinal") == 19 && x.Str("planId") == planId);
            Assert.Equal(65, item.Int("percentComplete"));
        }
    }
}
