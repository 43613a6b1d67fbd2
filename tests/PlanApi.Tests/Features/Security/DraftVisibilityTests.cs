using System.Net;
using PlanApi.Domain;
using PlanApi.Tests.Infrastructure;
using static PlanApi.Tests.Features.Plans.PlanRequests;
using static PlanApi.Tests.Features.Security.SecurityRequests;

namespace PlanApi.Tests.Features.Security;

/// <summary>
/// Reads: published data is public; drafts exist for credentials only; the audit trail and the key list are for
/// admins only.
/// </summary>
public sealed class DraftVisibilityTests(PlanApiFactory api) : IClassFixture<PlanApiFactory>
{
    private readonly HttpClient _admin = api.CreateClient();

    /// <summary>A draft plan with item 1 (led by Sở GD&amp;ĐT).</summary>
    private async Task<(string Id, string Number)> DraftWithItemAsync()
    {
        var draft = await _admin.CreateDraftPlanAsync();
        await _admin.CreateItemAsync(draft.Id, ItemBody(1, lead: Education, content: "Tổ chức tuyên dương giáo viên dạy giỏi (bản nháp)"));
        return draft;
    }

    [Fact]
    public async Task Anonymous_reads_published_plans_items_reports_agencies_groupings_and_changes()
    {
        var planId = await SeededPlan.IdAsync(_admin);
        var report = await (await _admin.PostReportAsync(planId, 19, ReportBody(Education, percent: 25))).JsonAsync(HttpStatusCode.Created);
        var anonymous = api.CreateAnonymousClient();

        var plans = await anonymous.GetJsonAsync($"{PlansPath}?year=2023&issuer=ubnd-can-tho");
        Assert.Contains(planId, plans.Items().Select(p => p.Str("id")));
        Assert.Equal(SeededPlan.Number, (await anonymous.GetJsonAsync($"{PlansPath}/{planId}")).Str("number"));
        Assert.Equal(32, (await anonymous.GetJsonAsync($"{PlansPath}/{planId}/items?limit=100")).Items().Count);
        Assert.Equal(Education, (await anonymous.GetJsonAsync($"{PlansPath}/{planId}/items/19"))["lead"]!.Str("code"));
        var reports = await anonymous.GetJsonAsync(ReportsUrl(planId, 19));
        Assert.Contains(report.Str("id"), reports.Items().Select(r => r.Str("id")));
        Assert.Equal(report.ToJsonString(), (await anonymous.GetJsonAsync($"/api/v1/progress-reports/{report.Str("id")}")).ToJsonString());
        Assert.Equal("Sở Giáo dục và Đào tạo thành phố Cần Thơ", (await anonymous.GetJsonAsync($"{AgenciesPath}/{Education}")).Str("name"));
        Assert.Contains(19, (await anonymous.GetJsonAsync($"{AgenciesPath}/{Education}/items")).Ordinals());
        Assert.Equal("ubnd-da-nang",
            (await anonymous.GetJsonAsync($"{GroupingsPath}/cum-5-thanh-pho-truc-thuoc-trung-uong-2023"))["head"]!.Str("code"));
        var changes = await anonymous.FeedAfterAsync(0);
        Assert.Contains(changes, c => c.Str("resourceType") == "progress_report" && c.Str("resourceId") == report.Str("id"));
    }

    [Fact]
    public async Task Draft_is_invisible_to_anonymous_callers()
    {
        var (draftId, number) = await DraftWithItemAsync();
        var anonymous = api.CreateAnonymousClient();

        var list = await anonymous.GetJsonAsync($"{PlansPath}?limit=100");
        Assert.DoesNotContain(draftId, list.Items().Select(p => p.Str("id")));
        Assert.All(list.Items(), p => Assert.NotEqual("draft", p.Str("lifecycle")));
        Assert.Equal(0, (await anonymous.GetJsonAsync($"{PlansPath}?lifecycle=draft")).Int("total"));
        Assert.Equal(0, (await anonymous.GetJsonAsync($"{PlansPath}?q={Uri.EscapeDataString(number)}")).Int("total"));
        await (await anonymous.GetAsync($"{PlansPath}/{draftId}")).ProblemAsync(HttpStatusCode.NotFound);
        await (await anonymous.GetAsync($"{PlansPath}/{draftId}/items")).ProblemAsync(HttpStatusCode.NotFound);
        await (await anonymous.GetAsync($"{PlansPath}/{draftId}/items/1")).ProblemAsync(HttpStatusCode.NotFound);
        var todo = await anonymous.GetJsonAsync($"{AgenciesPath}/{Education}/items?includeDrafts=true&limit=100");
        Assert.DoesNotContain(draftId, todo.Items().Select(i => i.Str("planId")));
    }

    [Fact]
    public async Task Draft_item_reports_list_is_invisible_to_anonymous_callers()
    {
        var (draftId, _) = await DraftWithItemAsync();
        var anonymous = api.CreateAnonymousClient();

        // The item itself is a 404 for anonymous callers; its reports list must not confirm that it exists.
        await (await anonymous.GetAsync($"{PlansPath}/{draftId}/items/1")).ProblemAsync(HttpStatusCode.NotFound);
        await (await anonymous.GetAsync(ReportsUrl(draftId, 1))).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData(ClientRole.Reader)]
    [InlineData(ClientRole.Reporter)]
    public async Task Draft_is_visible_to_a_credential(ClientRole role)
    {
        var (draftId, number) = await DraftWithItemAsync();
        var client = await api.CreateClientAsync(role, role == ClientRole.Reporter ? NinhKieu : null);

        var list = await client.GetJsonAsync($"{PlansPath}?lifecycle=draft&limit=100");
        Assert.Contains(draftId, list.Items().Select(p => p.Str("id")));
        var plan = await client.GetJsonAsync($"{PlansPath}/{draftId}");
        Assert.Equal(number, plan.Str("number"));
        Assert.Equal("draft", plan.Str("lifecycle"));
        Assert.Equal([1], (await client.GetJsonAsync($"{PlansPath}/{draftId}/items")).Ordinals());
        Assert.Equal(Education, (await client.GetJsonAsync($"{PlansPath}/{draftId}/items/1"))["lead"]!.Str("code"));
        var todo = await client.GetJsonAsync($"{AgenciesPath}/{Education}/items?includeDrafts=true&limit=100");
        Assert.Contains(draftId, todo.Items().Select(i => i.Str("planId")));
        var withoutFlag = await client.GetJsonAsync($"{AgenciesPath}/{Education}/items?limit=100");
        Assert.DoesNotContain(draftId, withoutFlag.Items().Select(i => i.Str("planId")));
    }

    [Theory]
    [InlineData(AuditPath)]
    [InlineData(ApiKeysPath)]
    public async Task Admin_only_reads_are_401_anonymous_403_reader_and_reporter_200_admin(string url)
    {
        await _admin.CreateAgencyAsync(); // at least one audit entry
        await (await api.CreateAnonymousClient().GetAsync(url)).AssertUnauthorizedAsync();
        await (await (await api.CreateClientAsync(ClientRole.Reader)).GetAsync(url)).ProblemAsync(HttpStatusCode.Forbidden);
        await (await (await api.CreateClientAsync(ClientRole.Reporter, Education)).GetAsync(url)).ProblemAsync(HttpStatusCode.Forbidden);
        var page = await _admin.GetJsonAsync(url);
        Assert.True(page.Int("total") > 0, $"{url} should list something for admin: {page.ToJsonString()}");
    }
}
