using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using PlanApi.Tests.Infrastructure;

namespace PlanApi.Tests.Features.Status;

/// <summary>The e-portal's view of the seeded plan as the clock moves. This class owns its clock and its reports.</summary>
public sealed class PlanStatusTests(PlanApiFactory api) : IClassFixture<PlanApiFactory>
{
    private readonly HttpClient _portal = api.CreateAnonymousClient();

    private static List<int> Ordinals(JsonNode? list) => list!.AsArray().Select(i => i!["ordinal"]!.GetValue<int>()).ToList();

    private async Task<JsonNode> StatusAsync(string planId) => await _portal.GetJsonAsync($"/api/v1/plans/{planId}/status");

    [Fact]
    public async Task Overdue_follows_the_clock_and_completing_item_6_removes_it_and_changes_the_ETag()
    {
        var planId = await SeededPlan.IdAsync(_portal);

        api.SetToday(new DateOnly(2023, 3, 15));
        var march15 = await StatusAsync(planId);
        Assert.Equal([6, 7, 9], Ordinals(march15["overdueItems"]).Order());
        Assert.Equal(3, march15["overdueCount"]!.GetValue<int>());
        Assert.Equal("2023-03-15", march15["today"]!.GetValue<string>());
        Assert.Contains(10, Ordinals(march15["dueSoon"]));
        Assert.Equal(32, march15["totalItems"]!.GetValue<int>());

        api.SetToday(new DateOnly(2023, 4, 1));
        var april1 = await StatusAsync(planId);
        Assert.Equal(Enumerable.Range(1, 10), Ordinals(april1["overdueItems"]).Order());
        var q1 = april1["byQuarter"]!.AsArray().Single(q => q!["quarter"]!.GetValue<int>() == 1)!;
        Assert.Equal(10, q1["overdue"]!.GetValue<int>());

        var before = await _portal.GetAsync($"/api/v1/plans/{planId}/status");
        var etag = before.Headers.ETag!;
        var reporter = await api.CreateClientAsync(PlanApi.Domain.ClientRole.Reporter, "ban-tdkt-can-tho");
        using var post = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/plans/{planId}/items/6/progress-reports")
        {
            Content = JsonContent.Create(new { status = "completed", summary = "Đã họp Hội đồng TĐKT phiên thứ nhất." }),
        };
        post.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        Assert.Equal(HttpStatusCode.Created, (await reporter.SendAsync(post)).StatusCode);

        var after = await _portal.GetAsync($"/api/v1/plans/{planId}/status");
        var status = await after.JsonAsync(HttpStatusCode.OK);
        Assert.NotEqual(etag, after.Headers.ETag);
        Assert.DoesNotContain(6, Ordinals(status["overdueItems"]));
        Assert.Equal(1, status["byStatus"]!["completed"]!.GetValue<int>());
        Assert.Equal(1, status["completedLateCount"]!.GetValue<int>());
        Assert.Equal(3.1m, status["completionPercent"]!.GetValue<decimal>());
        Assert.NotNull(status["lastReportedAt"]);
    }

    [Fact]
    public async Task Polling_with_the_ETag_gets_304_until_something_changes()
    {
        var planId = await SeededPlan.IdAsync(_portal);
        api.SetToday(new DateOnly(2023, 5, 2));
        var first = await _portal.GetAsync($"/api/v1/plans/{planId}/status");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("no-cache", first.Headers.CacheControl!.ToString());

        using var again = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/plans/{planId}/status");
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        var notModified = await _portal.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
        Assert.Equal(first.Headers.ETag, notModified.Headers.ETag);

        // A new day can make items overdue: the status (and its ETag) must change with it.
        api.SetToday(new DateOnly(2023, 5, 3));
        using var nextDay = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/plans/{planId}/status");
        nextDay.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        Assert.Equal(HttpStatusCode.OK, (await _portal.SendAsync(nextDay)).StatusCode);
    }

    [Fact]
    public async Task City_summary_has_a_row_per_published_plan_and_drafts_stay_out()
    {
        api.SetToday(new DateOnly(2023, 3, 15));
        var admin = api.CreateClient();
        var draft = await admin.PostJsonAsync("/api/v1/plans", new
        {
            issuerCode = "ninh-kieu", number = "12/KH-UBND", issuedOn = "2023-01-05", year = 2023,
            title = "Kế hoạch thi đua năm 2023 của quận Ninh Kiều",
        }, HttpStatusCode.Created);

        var rows = (await _portal.GetJsonAsync("/api/v1/status?year=2023"))["items"]!.AsArray();
        var row = Assert.Single(rows)!;
        Assert.Equal("244/KH-UBND", row["number"]!.GetValue<string>());
        Assert.Equal(32, row["totalItems"]!.GetValue<int>());
        Assert.True(row["overdue"]!.GetValue<int>() >= 2);
        Assert.DoesNotContain(rows, r => r!["planId"]!.GetValue<string>() == draft["id"]!.GetValue<string>());
        await (await _portal.GetAsync($"/api/v1/plans/{draft["id"]}/status")).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/api/v1/plans/{draft["id"]}/status")).StatusCode);
    }

    [Fact]
    public async Task Agency_status_counts_led_and_coordinated_items()
    {
        api.SetToday(new DateOnly(2023, 8, 2));
        var gddt = await _portal.GetJsonAsync("/api/v1/agencies/so-gddt-can-tho/status");
        Assert.Equal(1, gddt["led"]!["total"]!.GetValue<int>());
        Assert.Equal(0, gddt["coordinated"]!["total"]!.GetValue<int>());
        var overdue = Assert.Single(gddt["overdueItems"]!.AsArray())!;
        Assert.Equal(19, overdue["ordinal"]!.GetValue<int>());
        Assert.Equal("lead", overdue["role"]!.GetValue<string>());
        Assert.Equal(2, overdue["daysOverdue"]!.GetValue<int>());

        var tdkt = await _portal.GetJsonAsync("/api/v1/agencies/ban-tdkt-can-tho/status");
        Assert.Equal(29, tdkt["led"]!["total"]!.GetValue<int>());
        Assert.Equal(3, tdkt["coordinated"]!["total"]!.GetValue<int>());
        await (await _portal.GetAsync("/api/v1/agencies/khong-co/status")).ProblemAsync(HttpStatusCode.NotFound);
    }
}
