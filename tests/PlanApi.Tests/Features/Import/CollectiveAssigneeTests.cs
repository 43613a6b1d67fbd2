using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PlanApi.Domain;
using PlanApi.Tests.Features.ProgressReports;
using PlanApi.Tests.Infrastructure;

namespace PlanApi.Tests.Features.Import;

/// <summary>
/// Collective assignees: "UBND các xã, phường", "các sở, ban, ngành" name the set of agencies of the issuer's
/// jurisdiction valid on the plan's date; each member has the item on its to-do list and may report on it.
/// </summary>
public sealed class CollectiveAssigneeTests(PlanApiFactory api) : IClassFixture<PlanApiFactory>
{
    private const string CommuneSet = "ubnd-cac-xa-phuong-thi-tran-dac-khu-can-tho";
    private const string DepartmentSet = "cac-so-ban-nganh-can-tho";
    private const string WardNinhKieu = "ubnd-phuong-ninh-kieu-can-tho";

    private readonly HttpClient _admin = api.CreateClient();

    private async Task<JsonNode> PreviewAsync(byte[] plan) =>
        await (await _admin.PostAsync("/api/v1/plan-imports", ImportForm.Of(plan))).JsonAsync(HttpStatusCode.OK);

    /// <summary>Commits and publishes the plan, unless an earlier test of the class did; returns its id.</summary>
    private async Task<string> CommitAndPublishAsync(byte[] plan)
    {
        var preview = await PreviewAsync(plan);
        if (preview["existingPlanId"]?.GetValue<string>() is { } existing) return existing;
        var created = await (await _admin.PostAsync("/api/v1/plan-imports/commit", ImportForm.Of(plan))).JsonAsync(HttpStatusCode.Created);
        var id = Guid.Parse(created["id"]!.GetValue<string>());
        await using var db = api.NewDbContext();
        await db.Plans.Where(p => p.Id == id).ExecuteUpdateAsync(s => s.SetProperty(p => p.Lifecycle, PlanLifecycle.Published));
        return id.ToString();
    }

    private async Task<List<int>> ToDoOrdinalsAsync(string agency, string planId) =>
        (await _admin.GetJsonAsync($"/api/v1/agencies/{agency}/items?planId={planId}&limit=100"))["items"]!.AsArray()
            .Select(i => i!["ordinal"]!.GetValue<int>()).ToList();

    [Fact]
    public async Task Sets_stay_where_they_are_written_and_become_agencies_of_the_issuers_jurisdiction()
    {
        var preview = await PreviewAsync(ProvincePlans.CanThoSets2026);

        Assert.Equal("so-noi-vu-can-tho", ImportForm.Lead(preview, 1));
        Assert.Equal([CommuneSet], ImportForm.Coordinators(preview, 1));
        Assert.Equal(DepartmentSet, ImportForm.Lead(preview, 2));
        Assert.Equal(["ban-tdkt-can-tho"], ImportForm.Coordinators(preview, 2));
        // "các doanh nghiệp" names no set that can be listed: a warning at its row, nothing created for it.
        Assert.Empty(ImportForm.Coordinators(preview, 3));
        Assert.Contains(preview["warnings"]!.AsArray(), w => w!["message"]!.GetValue<string>().Contains("các doanh nghiệp", StringComparison.Ordinal));
        // Until a commit creates them, the sets are listed among the agencies it would create, in Cần Thơ.
        foreach (var set in ImportForm.Unresolved(preview).Where(u => u["kind"]!.GetValue<string>() == "collective"))
        {
            Assert.Contains(set["provisionalCode"]!.GetValue<string>(), new[] { CommuneSet, DepartmentSet });
            Assert.Equal("92", set["jurisdictionCode"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task Every_member_of_a_set_has_the_item_on_its_list_and_a_ward_reports_as_a_member()
    {
        api.SetToday(new DateOnly(2026, 2, 1));
        var planId = await CommitAndPublishAsync(ProvincePlans.CanThoSets2026);

        Assert.Contains(1, await ToDoOrdinalsAsync(WardNinhKieu, planId));
        Assert.Contains(1, await ToDoOrdinalsAsync("ubnd-xa-co-do-can-tho", planId));
        Assert.DoesNotContain(1, await ToDoOrdinalsAsync("so-gddt-can-tho", planId));
        // The departments lead item 2 as a set; the wards do not.
        Assert.Contains(2, await ToDoOrdinalsAsync("so-gddt-can-tho", planId + "&role=lead"));
        Assert.DoesNotContain(2, await ToDoOrdinalsAsync(WardNinhKieu, planId));
        // The districts had ended by the plan's date: not members.
        Assert.DoesNotContain(1, await ToDoOrdinalsAsync("ninh-kieu", planId));

        var ward = await api.CreateClientAsync(ClientRole.Reporter, WardNinhKieu);
        var report = await ward.PostReportAsync(planId, 1, ProgressReportRequests.Body(agency: WardNinhKieu));
        Assert.Equal(CommuneSet, report["onBehalfOf"]!["code"]!.GetValue<string>());

        // Who of the set has reported: the ward, one of Cần Thơ's 103 wards and communes.
        var assignees = (await _admin.GetJsonAsync($"/api/v1/plans/{planId}/items/1/assignees"))["assignees"]!.AsArray();
        Assert.Equal(("so-noi-vu-can-tho", "lead"), (assignees[0]!["agency"]!["code"]!.GetValue<string>(), assignees[0]!["role"]!.GetValue<string>()));
        var set = assignees[1]!;
        Assert.Equal((CommuneSet, "coordinator"), (set["agency"]!["code"]!.GetValue<string>(), set["role"]!.GetValue<string>()));
        Assert.Equal(103, set["members"]!.AsArray().Count);
        Assert.Equal(1, set["membersReported"]!.GetValue<int>());
        Assert.NotNull(set["lastReportedAt"]);
        Assert.NotNull(set["members"]!.AsArray().Single(m => m!["agency"]!["code"]!.GetValue<string>() == WardNinhKieu)!["lastReportedAt"]);
        Assert.Null(assignees[0]!["members"]);

        var outsider = await api.CreateClientAsync(ClientRole.Reporter, "so-gddt-can-tho");
        await (await outsider.PostAsync(planId, 1, ProgressReportRequests.Body(agency: "so-gddt-can-tho"), ProgressReportRequests.NewKey()))
            .ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_set_is_created_once_and_read_at_each_plans_date()
    {
        await CommitAndPublishAsync(ProvincePlans.CanThoSets2026);
        await CommitAndPublishAsync(ProvincePlans.CanThoDistricts2023);
        var again = await PreviewAsync(ProvincePlans.CanThoSets2026);
        Assert.DoesNotContain(ImportForm.Unresolved(again), u => u["kind"]!.GetValue<string>() == "collective");

        await using var db = api.NewDbContext();
        var set = await db.Agencies.SingleAsync(a => a.Code == CommuneSet);
        Assert.Equal((AgencyKind.Collective, CollectiveScope.CommuneCommittees, "92"), (set.Kind, set.CollectiveScope, set.JurisdictionCode));
        Assert.Equal(1, await db.Agencies.CountAsync(a => a.Kind == AgencyKind.Collective && a.CollectiveScope == CollectiveScope.CommuneCommittees));

        // In 2023 "UBND các quận, huyện" of Cần Thơ were its nine districts.
        var plan2023 = await db.Plans.SingleAsync(p => p.Number == "96/KH-UBND");
        var members = await db.PlanItemAgencies.Where(x => x.PlanId == plan2023.Id && x.Ordinal == 1 && !x.Leads)
            .Join(db.Agencies, x => x.AgencyId, a => a.Id, (x, a) => a.Code).ToListAsync();
        Assert.Equal(["binh-thuy", "cai-rang", "co-do", "ninh-kieu", "o-mon", "phong-dien", "thoi-lai", "thot-not", "ubnd-cac-quan-huyen-thi-xa-thanh-pho-can-tho", "vinh-thanh"],
            members.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task An_agency_registered_later_joins_the_sets_of_its_province_and_one_that_ended_before_the_plan_does_not()
    {
        api.SetToday(new DateOnly(2026, 2, 1));
        var planId = await CommuneSetPlanAsync();
        var code = $"ubnd-dac-khu-thu-{Guid.NewGuid():N}"[..40];
        await _admin.PostJsonAsync("/api/v1/agencies", new
        {
            code, name = "Ủy ban nhân dân đặc khu thử nghiệm", kind = "government", jurisdictionCode = "31135", validFrom = "2025-07-01",
        }, HttpStatusCode.Created);
        Assert.Contains(1, await ToDoOrdinalsAsync(code, planId));

        // Ended the day before the plan was issued: the plan does not name it.
        var ended = await _admin.GetJsonAsync($"/api/v1/agencies/{code}");
        await _admin.PutJsonAsync($"/api/v1/agencies/{code}", new
        {
            name = ended["name"]!.GetValue<string>(), kind = "government", jurisdictionCode = "31135", validFrom = "2025-07-01", validUntil = "2026-01-19",
        }, HttpStatusCode.OK);
        Assert.DoesNotContain(1, await ToDoOrdinalsAsync(code, planId));
    }

    private Task<string> CommuneSetPlanAsync() => CommitAndPublishAsync(ProvincePlans.CanThoSets2026);
}
