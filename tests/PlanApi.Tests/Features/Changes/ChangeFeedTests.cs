using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PlanApi.Domain;
using PlanApi.Tests.Features.Security;
using PlanApi.Tests.Infrastructure;
using static PlanApi.Tests.Features.Plans.PlanRequests;
using static PlanApi.Tests.Features.Security.SecurityRequests;

namespace PlanApi.Tests.Features.Changes;

/// <summary>
/// GET /api/v1/changes: every create, update and delete in commit order, with the resource's ETag right after the
/// change and where to read it; draft changes for credentials only; a poller sees every change exactly once.
/// </summary>
/// <remarks>Each test starts from the end of the feed as it finds it and looks only at what comes after.</remarks>
public sealed class ChangeFeedTests(PlanApiFactory api) : IClassFixture<PlanApiFactory>
{
    private readonly HttpClient _admin = api.CreateClient();

    private static void AssertChange(JsonNode change, string type, string action, string id, string? version, string link)
    {
        Assert.Equal(type, change.Str("resourceType"));
        Assert.Equal(action, change.Str("action"));
        Assert.Equal(id, change.Str("resourceId"));
        Assert.Equal(version, change["version"]?.GetValue<string>());
        Assert.Equal(link, change.Str("link"));
    }

    private static void AssertIncreasing(IReadOnlyList<JsonNode> changes)
    {
        var sequences = changes.Select(c => c["sequence"]!.GetValue<long>()).ToList();
        for (var i = 1; i < sequences.Count; i++)
            Assert.True(sequences[i] > sequences[i - 1], $"sequence {sequences[i]} follows {sequences[i - 1]}");
    }

    [Fact]
    public async Task Creates_updates_deletes_and_reports_appear_in_order_with_the_version_right_after_and_a_link()
    {
        var planId = await SeededPlan.IdAsync(_admin);
        var start = await _admin.FeedEndAsync();

        var code = await _admin.CreateAgencyAsync();
        var agencyUrl = $"{AgenciesPath}/{code}";
        var agencyCreated = await _admin.ETagAsync(agencyUrl);
        await (await _admin.SendAsync(HttpMethod.Put, agencyUrl, AgencyBody(null, name: "Tên mới trong nguồn thay đổi"))).JsonAsync(HttpStatusCode.OK);
        var agencyUpdated = await _admin.ETagAsync(agencyUrl);
        var (draftId, _) = await _admin.CreateDraftPlanAsync();
        var draftUrl = $"{PlansPath}/{draftId}";
        var draftCreated = await _admin.ETagAsync(draftUrl);
        using (var deleted = await _admin.DeleteAsync(draftUrl)) Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        var report = await (await _admin.PostReportAsync(planId, 20, ReportBody(BanTdkt, percent: 70))).JsonAsync(HttpStatusCode.Created);
        var reportUrl = $"/api/v1/progress-reports/{report.Str("id")}";
        var itemUrl = $"{PlansPath}/{planId}/items/20";

        var changes = await _admin.FeedAfterAsync(start);

        Assert.Equal(6, changes.Count);
        AssertIncreasing(changes);
        AssertChange(changes[0], "agency", "create", code, agencyCreated, agencyUrl);
        AssertChange(changes[1], "agency", "update", code, agencyUpdated, agencyUrl);
        AssertChange(changes[2], "plan", "create", draftId, draftCreated, draftUrl);
        AssertChange(changes[3], "plan", "delete", draftId, null, draftUrl);
        AssertChange(changes[4], "progress_report", "create", report.Str("id"), await _admin.ETagAsync(reportUrl), reportUrl);
        AssertChange(changes[5], "plan_item", "update", $"{planId}/20", await _admin.ETagAsync(itemUrl), itemUrl);
        Assert.All(changes, c => Assert.Equal(api.Clock.GetUtcNow(), c["occurredAt"]!.GetValue<DateTimeOffset>()));
        // The link reads the resource at the version the feed names.
        Assert.Equal(70, (await _admin.GetJsonAsync(changes[5].Str("link"))).Int("percentComplete"));
    }

    [Fact]
    public async Task A_report_is_a_progress_report_create_followed_by_its_items_update()
    {
        var planId = await SeededPlan.IdAsync(_admin);
        var anonymous = api.CreateAnonymousClient();
        var start = await anonymous.FeedEndAsync();

        var report = await (await _admin.PostReportAsync(planId, 21, ReportBody(BanTdkt, "completed", 100))).JsonAsync(HttpStatusCode.Created);

        var changes = await anonymous.FeedAfterAsync(start);
        Assert.Equal(["progress_report create " + report.Str("id"), $"plan_item update {planId}/21"], changes.Select(Describe));
        Assert.Equal(changes[0]["sequence"]!.GetValue<long>() + 1, changes[1]["sequence"]!.GetValue<long>());
        var (item, etag) = await anonymous.ReadAsync($"{PlansPath}/{planId}/items/21");
        Assert.Equal(etag, changes[1].Str("version"));
        Assert.Equal("completed", item.Str("status"));
    }

    [Fact]
    public async Task Changes_inside_a_draft_are_hidden_from_anonymous_callers_and_shown_to_a_reader_until_it_is_published()
    {
        var start = await _admin.FeedEndAsync();
        var (draftId, number) = await _admin.CreateDraftPlanAsync(year: 2025);
        await _admin.CreateItemAsync(draftId, ItemBody(1, content: "Nội dung nháp"));
        await (await _admin.SendAsync(HttpMethod.Put, $"{PlansPath}/{draftId}/items/1", ItemBody(null, content: "Nội dung nháp đã sửa")))
            .JsonAsync(HttpStatusCode.OK);
        await (await _admin.SendAsync(HttpMethod.Put, $"{PlansPath}/{draftId}",
            PlanBody(number, year: 2025, issuedOn: "2024-12-20", lifecycle: "published"))).JsonAsync(HttpStatusCode.OK);

        var reader = await api.CreateClientAsync(ClientRole.Reader);
        Assert.Equal(
            // Adding an item changes its plan (item count): the plan's new version follows the item's create.
            [$"plan create {draftId}", $"plan_item create {draftId}/1", $"plan update {draftId}", $"plan_item update {draftId}/1", $"plan update {draftId}"],
            (await reader.FeedAfterAsync(start)).Select(Describe));
        var anonymous = await api.CreateAnonymousClient().FeedAfterAsync(start);
        Assert.Equal([$"plan update {draftId}"], anonymous.Select(Describe));
        Assert.Equal(await api.CreateAnonymousClient().ETagAsync($"{PlansPath}/{draftId}"), anonymous[0].Str("version"));
    }

    [Fact]
    public async Task Deletes_inside_a_draft_are_hidden_from_anonymous_callers_too()
    {
        var start = await _admin.FeedEndAsync();
        var (draftId, _) = await _admin.CreateDraftPlanAsync();
        await _admin.CreateItemAsync(draftId, ItemBody(1, content: "Nội dung nháp sẽ xóa"));
        using (var item = await _admin.DeleteAsync($"{PlansPath}/{draftId}/items/1")) Assert.Equal(HttpStatusCode.NoContent, item.StatusCode);
        using (var plan = await _admin.DeleteAsync($"{PlansPath}/{draftId}")) Assert.Equal(HttpStatusCode.NoContent, plan.StatusCode);

        var reader = await api.CreateClientAsync(ClientRole.Reader);
        Assert.Equal(
            [$"plan create {draftId}", $"plan_item create {draftId}/1", $"plan update {draftId}", $"plan_item delete {draftId}/1",
             $"plan update {draftId}", $"plan delete {draftId}"],
            (await reader.FeedAfterAsync(start)).Select(Describe));
        // The draft never existed for anonymous callers: its deletion must not reveal its id either.
        Assert.Empty((await api.CreateAnonymousClient().FeedAfterAsync(start)).Select(Describe));
    }

    [Fact]
    public async Task The_newest_change_of_a_plan_names_its_current_ETag_after_items_are_added_and_removed()
    {
        // A mirror keeps the version of each resource from the feed and revalidates with it (If-None-Match).
        var start = await _admin.FeedEndAsync();
        var (planId, _) = await _admin.CreateDraftPlanAsync();
        await _admin.CreateItemAsync(planId, ItemBody(1, content: "Nội dung thứ nhất"));
        await _admin.CreateItemAsync(planId, ItemBody(2, content: "Nội dung thứ hai"));
        using (var deleted = await _admin.DeleteAsync($"{PlansPath}/{planId}/items/2")) Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);

        var newest = (await _admin.FeedAfterAsync(start)).Last(c => c.Str("resourceType") == "plan" && c.Str("resourceId") == planId);
        var (plan, etag) = await _admin.ReadAsync($"{PlansPath}/{planId}");
        Assert.Equal(1, plan.Int("itemCount"));
        Assert.Equal(etag, newest.Str("version"));
    }

    [Fact]
    public async Task Paging_by_cursor_returns_each_change_once_and_next_carries_the_cursor()
    {
        var start = await _admin.FeedEndAsync();
        var codes = new List<string>();
        for (var i = 0; i < 5; i++) codes.Add(await _admin.CreateAgencyAsync());

        var first = await _admin.GetJsonAsync($"{ChangesPath}?after={start}&limit=2");
        Assert.True(first["hasMore"]!.GetValue<bool>());
        Assert.Equal(first.Items()[1]["sequence"]!.GetValue<long>(), first["cursor"]!.GetValue<long>());
        Assert.Equal($"{ChangesPath}?after={first["cursor"]}&limit=2", first.Str("next"));
        var all = await _admin.FeedAfterAsync(start, limit: 2);
        Assert.Equal(codes.Select(c => $"agency create {c}"), all.Select(Describe));
        AssertIncreasing(all);
        var empty = await _admin.GetJsonAsync($"{ChangesPath}?after={all[^1]["sequence"]}");
        Assert.Empty(empty.Items());
        Assert.False(empty["hasMore"]!.GetValue<bool>());
        Assert.Equal(all[^1]["sequence"]!.GetValue<long>(), empty["cursor"]!.GetValue<long>());
    }

    [Fact]
    public async Task Parallel_reports_on_one_item_each_name_a_version_of_the_item_and_the_item_shows_the_one_applied_last()
    {
        var planId = await SeededPlan.IdAsync(_admin);
        var itemUrl = $"{PlansPath}/{planId}/items/24";
        var start = await _admin.FeedEndAsync();

        // Six, so that the last of them waits on the item's lock well under the 2 s lock bound on a loaded machine.
        var reports = await Task.WhenAll(Enumerable.Range(0, 6).Select(n => Task.Run(async () =>
            await (await api.CreateClient().PostReportAsync(planId, 24, ReportBody(BanTdkt, percent: 20 + n))).JsonAsync(HttpStatusCode.Created))));

        var changes = await _admin.FeedAfterAsync(start);
        Assert.Equal(reports.Select(r => r.Str("id")).Order(),
            changes.Where(c => c.Str("resourceType") == "progress_report").Select(c => c.Str("resourceId")).Order());
        var versions = changes.Where(c => c.Str("resourceType") == "plan_item").Select(c => c.Str("version")).ToList();
        // Each report saw the item as the report before it left it: six versions, one of them the item's now.
        Assert.Equal(6, versions.Distinct().Count());
        Assert.Contains(await _admin.ETagAsync(itemUrl), versions);
        var item = await _admin.GetJsonAsync(itemUrl);
        var latest = Assert.Single(reports, r => r.Str("id") == item.Str("latestReportId"));
        Assert.Equal(latest.Int("percentComplete"), item.Int("percentComplete"));
    }

    [Fact]
    public async Task A_poller_following_the_cursor_through_a_burst_of_parallel_writes_sees_each_change_exactly_once()
    {
        var planId = await SeededPlan.IdAsync(_admin);
        var poller = await api.CreateClientAsync(ClientRole.Reader);
        var start = await poller.FeedEndAsync();
        var expected = new ConcurrentBag<string>();
        var seen = new List<JsonNode>();
        var writing = true;
        // The poller polls again when a write was answered (or, at the end, when all were), not on a timer.
        using var written = new SemaphoreSlim(0);

        var polling = Task.Run(async () =>
        {
            var cursor = start;
            while (true)
            {
                var done = !Volatile.Read(ref writing);
                var page = await poller.GetJsonAsync($"{ChangesPath}?after={cursor}&limit=7");
                seen.AddRange(page.Items().Select(c => c.DeepClone()));
                Assert.Equal(page.Items().Count > 0 ? page.Items()[^1]["sequence"]!.GetValue<long>() : cursor, page["cursor"]!.GetValue<long>());
                cursor = page["cursor"]!.GetValue<long>();
                // Drain: a last full read once every writer has had its answer.
                if (done && !page["hasMore"]!.GetValue<bool>()) return;
                if (!page["hasMore"]!.GetValue<bool>()) await written.WaitAsync();
            }
        });

        var writers = Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
        {
            var client = api.CreateClient();
            for (var j = 0; j < 10; j++)
            {
                if ((w + j) % 2 == 0)
                {
                    var code = NewCode($"w{w}-{j}");
                    await (await client.SendAsync(HttpMethod.Post, AgenciesPath, AgencyBody(code))).JsonAsync(HttpStatusCode.Created);
                    expected.Add($"agency create {code}");
                    written.Release();
                }
                else
                {
                    var ordinal = (w * 10 + j) % 32 + 1;
                    var report = await (await client.PostReportAsync(planId, ordinal, ReportBody(BanTdkt, percent: 10 + j)))
                        .JsonAsync(HttpStatusCode.Created);
                    expected.Add($"progress_report create {report.Str("id")}");
                    expected.Add($"plan_item update {planId}/{ordinal}");
                    written.Release();
                }
            }
        })).ToArray();

        try
        {
            await Task.WhenAll(writers);
        }
        finally
        {
            Volatile.Write(ref writing, false);
            written.Release();
        }
        await polling;

        AssertIncreasing(seen);
        Assert.Equal(seen.Count, seen.Select(c => c["sequence"]!.GetValue<long>()).Distinct().Count());
        Assert.Equal(40 + 40 * 2, expected.Count);
        Assert.Equal(expected.Order(StringComparer.Ordinal), seen.Select(Describe).Order(StringComparer.Ordinal));

        await using var db = api.NewDbContext();
        var committed = await db.ChangeRecords.Where(c => c.Sequence > start).OrderBy(c => c.Sequence)
            .Select(c => new { c.Sequence, c.ResourceType, c.Action, c.ResourceKey, c.Version }).ToListAsync();
        Assert.Equal(committed.Select(c => c.Sequence), seen.Select(c => c["sequence"]!.GetValue<long>()));
        Assert.Equal(committed.Select(c => $"{c.ResourceType} {c.Action} {c.ResourceKey} {c.Version}"),
            seen.Select(c => $"{Describe(c)} {c.Str("version")}"));
    }
}
