using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PlanApi.Tests.Features.Security;
using PlanApi.Tests.Infrastructure;

namespace PlanApi.Tests.Features.Changes;

/// <summary>
/// A new mirror: it starts from after=0 and meets every resource the lists show, seeded ones included; or it lists
/// first and follows the feed from the cursor the list gives (X-Changes-Cursor), meeting every later write and no
/// earlier one.
/// </summary>
public sealed class ChangeFeedBootstrapTests(PlanApiFactory api) : IClassFixture<PlanApiFactory>
{
    private const string Cursor = "X-Changes-Cursor";
    private readonly HttpClient _admin = api.CreateClient();

    private async Task<List<JsonNode>> AllAsync(string url)
    {
        var items = new List<JsonNode>();
        for (string? next = url; next is not null;)
        {
            var page = await _admin.GetJsonAsync(next);
            items.AddRange(page.Items());
            next = page["next"]?.GetValue<string>();
        }
        return items;
    }

    private async Task<long> CursorOfAsync(string url)
    {
        var response = await _admin.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return long.Parse(response.Headers.GetValues(Cursor).Single(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<string> ReportOnItem19Async()
    {
        var planId = await SeededPlan.IdAsync(_admin);
        var response = await _admin.PostRawAsync($"/api/v1/plans/{planId}/items/19/progress-reports",
            """{"reportingAgencyCode":"so-gddt-can-tho","status":"in_progress","percentComplete":30,"summary":"Đang lập danh sách học sinh."}""",
            ("Idempotency-Key", Guid.NewGuid().ToString()));
        return (await response.JsonAsync(HttpStatusCode.Created))["id"]!.GetValue<string>();
    }

    [Fact]
    public async Task The_feed_from_zero_holds_every_plan_item_agency_and_grouping_the_lists_show()
    {
        var feed = (await _admin.FeedAfterAsync(0)).Select(c => (c.Str("resourceType"), c.Str("resourceId"))).ToHashSet();

        var plans = await AllAsync("/api/v1/plans?limit=100");
        Assert.NotEmpty(plans);
        foreach (var plan in plans)
        {
            var id = plan.Str("id");
            Assert.Contains(("plan", id), feed);
            var items = await AllAsync($"/api/v1/plans/{id}/items?limit=100");
            Assert.All(items, i => Assert.Contains(("plan_item", $"{id}/{i["ordinal"]!.GetValue<int>()}"), feed));
        }
        var agencies = await AllAsync("/api/v1/agencies?limit=100");
        Assert.True(agencies.Count > 30);
        Assert.All(agencies, a => Assert.Contains(("agency", a.Str("code")), feed));
        var groupings = await AllAsync("/api/v1/groupings?limit=100");
        Assert.NotEmpty(groupings);
        Assert.All(groupings, g => Assert.Contains(("grouping", g.Str("code")), feed));
        Assert.Contains(("plan_item", $"{await SeededPlan.IdAsync(_admin)}/19"), feed);
    }

    [Fact]
    public async Task A_seeded_entry_links_to_its_resource_and_anonymous_readers_see_published_ones()
    {
        var planId = await SeededPlan.IdAsync(_admin);
        var anonymous = await api.CreateAnonymousClient().FeedAfterAsync(0);

        var item = anonymous.First(c => c.Str("resourceType") == "plan_item" && c.Str("resourceId") == $"{planId}/6");
        Assert.Equal("create", item.Str("action"));
        Assert.Equal($"/api/v1/plans/{planId}/items/6", item.Str("link"));
        await _admin.GetJsonAsync(item.Str("link"));
        var agency = anonymous.First(c => c.Str("resourceType") == "agency" && c.Str("resourceId") == "so-gddt-can-tho");
        Assert.Equal("/api/v1/agencies/so-gddt-can-tho", agency.Str("link"));
        // What an entry refers to comes before it: agencies before plans, plans before their items.
        Assert.True(agency["sequence"]!.GetValue<long>() < item["sequence"]!.GetValue<long>());
    }

    [Theory]
    [InlineData("/api/v1/plans")]
    [InlineData("/api/v1/plans/{plan}/items")]
    [InlineData("/api/v1/agencies/so-gddt-can-tho/items")]
    [InlineData("/api/v1/agencies")]
    [InlineData("/api/v1/groupings")]
    public async Task The_cursor_a_list_gives_yields_the_later_writes_and_nothing_earlier(string list)
    {
        var earlier = await ReportOnItem19Async();
        var cursor = await CursorOfAsync(list.Replace("{plan}", await SeededPlan.IdAsync(_admin), StringComparison.Ordinal));
        var later = await ReportOnItem19Async();

        var changes = await _admin.FeedAfterAsync(cursor);

        Assert.Equal(["progress_report create " + later, "plan_item update"],
            changes.Select(c => c.Str("resourceType") == "plan_item" ? "plan_item update" : SecurityRequests.Describe(c)));
        Assert.DoesNotContain(changes, c => c.Str("resourceId") == earlier);
    }

    [Fact]
    public async Task A_store_whose_feed_lacks_entries_gets_them_once()
    {
        await using var db = api.NewDbContext();
        var planId = await SeededPlan.IdAsync(_admin);
        // A store from before the feed recorded seeding: the seeded plan's item 5 has no entry.
        await db.Database.ExecuteSqlAsync($"DELETE FROM change_records WHERE resource_type = 'plan_item' AND resource_key = {planId + "/5"}");
        var start = await _admin.FeedEndAsync();

        var added = await db.Database.SqlQuery<int>($"SELECT change_records_backfill() AS \"Value\"").SingleAsync();
        var again = await db.Database.SqlQuery<int>($"SELECT change_records_backfill() AS \"Value\"").SingleAsync();

        Assert.Equal((1, 0), (added, again));
        var change = Assert.Single(await _admin.FeedAfterAsync(start));
        Assert.Equal($"plan_item create {planId}/5", SecurityRequests.Describe(change));
        Assert.Null(change["version"]?.GetValue<string>());
    }
}
