using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PlanApi.Domain;
using PlanApi.Tests.Infrastructure;
using static PlanApi.Tests.Features.Plans.PlanRequests;
using static PlanApi.Tests.Features.Security.SecurityRequests;

namespace PlanApi.Tests.Features.Security;

/// <summary>
/// Every write operation × every kind of caller: anonymous 401, reader 403, reporters 403 except for progress on
/// an item their agency leads or co-operates on, admin 2xx; a refused write changes nothing at all.
/// </summary>
/// <remarks>
/// Each case sets up its own target as admin first, then counts every table and reads the target, sends the one
/// request, and compares. The "item's agency" is Sở GD&amp;ĐT, which leads item 19 of the seeded plan and the items
/// created here; the other agency is Ninh Kiều, involved in none of them.
/// </remarks>
public sealed class AuthorizationMatrixTests(PlanApiFactory api) : IClassFixture<PlanApiFactory>
{
    private readonly HttpClient _admin = api.CreateClient();

    public static readonly string[] Operations =
    [
        "POST plans", "PUT plan", "DELETE plan",
        "POST item", "PUT item", "DELETE item",
        "POST agency", "PUT agency",
        "POST grouping", "PUT grouping",
        "POST progress report",
        "POST api-key", "DELETE api-key",
    ];

    public static readonly string[] Callers = ["anonymous", "reader", "reporter of another agency", "reporter of the item's agency", "admin"];

    private static int Expected(string operation, string caller) => caller switch
    {
        "anonymous" => 401,
        "reader" or "reporter of another agency" => 403,
        "reporter of the item's agency" => operation == "POST progress report" ? 201 : 403,
        _ => operation switch
        {
            "POST plans" or "POST item" or "POST agency" or "POST grouping" or "POST progress report" or "POST api-key" => 201,
            "DELETE plan" or "DELETE item" or "DELETE api-key" => 204,
            _ => 200,
        },
    };

    public static TheoryData<string, string, int> Matrix()
    {
        var data = new TheoryData<string, string, int>();
        foreach (var operation in Operations)
            foreach (var caller in Callers)
                data.Add(operation, caller, Expected(operation, caller));
        return data;
    }

    /// <summary>The request to send, and how to read the state it would change.</summary>
    private sealed record Target(Func<string, HttpRequestMessage> Request, Func<Task<string>> State);

    private async Task<HttpClient> CallerAsync(string caller) => caller switch
    {
        "anonymous" => api.CreateAnonymousClient(),
        "reader" => await api.CreateClientAsync(ClientRole.Reader),
        "reporter of another agency" => await api.CreateClientAsync(ClientRole.Reporter, NinhKieu),
        "reporter of the item's agency" => await api.CreateClientAsync(ClientRole.Reporter, Education),
        "admin" => api.CreateClient(sendsIfMatch: false),
        _ => throw new ArgumentOutOfRangeException(nameof(caller)),
    };

    private async Task<string> ItemInDraftAsync()
    {
        var (planId, _) = await _admin.CreateDraftPlanAsync();
        await _admin.CreateItemAsync(planId, ItemBody(1, lead: Education, content: "Tổng kết phong trào thi đua ngành giáo dục"));
        return $"{PlansPath}/{planId}/items/1";
    }

    private async Task<Target> PrepareAsync(string operation)
    {
        switch (operation)
        {
            case "POST plans":
                {
                    var number = UniqueNumber();
                    return new Target(_ => Request(HttpMethod.Post, PlansPath, PlanBody(number)), async () =>
                    {
                        await using var db = api.NewDbContext();
                        return string.Join(",", await db.Plans.Where(p => p.Number == number).Select(p => p.Id.ToString()).ToListAsync());
                    });
                }
            case "PUT plan":
                {
                    var (planId, number) = await _admin.CreateDraftPlanAsync();
                    var url = $"{PlansPath}/{planId}";
                    var etag = await _admin.ETagAsync(url);
                    return new Target(_ => Request(HttpMethod.Put, url, PlanBody(number, title: "Kế hoạch đã sửa tên"), ("If-Match", etag)),
                        () => _admin.StateAsync(url));
                }
            case "DELETE plan":
                {
                    var (planId, _) = await _admin.CreateDraftPlanAsync();
                    var url = $"{PlansPath}/{planId}";
                    var etag = await _admin.ETagAsync(url);
                    return new Target(_ => Request(HttpMethod.Delete, url, null, ("If-Match", etag)), () => _admin.StateAsync(url));
                }
            case "POST item":
                {
                    var (planId, _) = await _admin.CreateDraftPlanAsync();
                    return new Target(_ => Request(HttpMethod.Post, $"{PlansPath}/{planId}/items", ItemBody(7, lead: Education)),
                        () => _admin.StateAsync($"{PlansPath}/{planId}/items/7"));
                }
            case "PUT item":
                {
                    var url = await ItemInDraftAsync();
                    var etag = await _admin.ETagAsync(url);
                    return new Target(_ => Request(HttpMethod.Put, url, ItemBody(null, lead: Education, content: "Nội dung đã sửa"), ("If-Match", etag)),
                        () => _admin.StateAsync(url));
                }
            case "DELETE item":
                {
                    var url = await ItemInDraftAsync();
                    var etag = await _admin.ETagAsync(url);
                    return new Target(_ => Request(HttpMethod.Delete, url, null, ("If-Match", etag)), () => _admin.StateAsync(url));
                }
            case "POST agency":
                {
                    var code = NewCode("co-quan");
                    return new Target(_ => Request(HttpMethod.Post, AgenciesPath, AgencyBody(code)), () => _admin.StateAsync($"{AgenciesPath}/{code}"));
                }
            case "PUT agency":
                {
                    var code = await _admin.CreateAgencyAsync();
                    var url = $"{AgenciesPath}/{code}";
                    var etag = await _admin.ETagAsync(url);
                    return new Target(_ => Request(HttpMethod.Put, url, AgencyBody(null, name: "Tên đã sửa"), ("If-Match", etag)),
                        () => _admin.StateAsync(url));
                }
            case "POST grouping":
                {
                    var code = NewCode("khoi");
                    return new Target(_ => Request(HttpMethod.Post, GroupingsPath, GroupingBody(code)), () => _admin.StateAsync($"{GroupingsPath}/{code}"));
                }
            case "PUT grouping":
                {
                    var code = await _admin.CreateGroupingAsync();
                    var url = $"{GroupingsPath}/{code}";
                    var etag = await _admin.ETagAsync(url);
                    return new Target(_ => Request(HttpMethod.Put, url, GroupingBody(null, name: "Khối đã sửa", head: "cai-rang"), ("If-Match", etag)),
                        () => _admin.StateAsync(url));
                }
            case "POST progress report":
                {
                    var planId = await SeededPlan.IdAsync(_admin);
                    return new Target(
                        caller => Request(HttpMethod.Post, ReportsUrl(planId, 19), ReportBody(caller == "admin" ? Education : null),
                            ("Idempotency-Key", NewKey())),
                        async () => await _admin.StateAsync($"{PlansPath}/{planId}/items/19") + await _admin.StateAsync(ReportsUrl(planId, 19)));
                }
            case "POST api-key":
                {
                    var name = $"Hệ thống thử nghiệm {Guid.NewGuid():N}";
                    return new Target(_ => Request(HttpMethod.Post, ApiKeysPath, new JsonObject { ["clientName"] = name, ["role"] = "reader", ["agencyCode"] = null }),
                        async () =>
                        {
                            await using var db = api.NewDbContext();
                            return (await db.ApiKeys.CountAsync(k => k.ClientName == name)).ToString(CultureInfo.InvariantCulture);
                        });
                }
            case "DELETE api-key":
                {
                    var secret = await api.IssueKeyAsync(ClientRole.Reader);
                    var id = await api.KeyIdAsync(secret);
                    return new Target(_ => Request(HttpMethod.Delete, $"{ApiKeysPath}/{id}"), async () =>
                    {
                        await using var db = api.NewDbContext();
                        return (await db.ApiKeys.SingleAsync(k => k.Id == id)).RevokedAt?.ToString("O") ?? "valid";
                    });
                }
            default:
                throw new ArgumentOutOfRangeException(nameof(operation));
        }
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Write_is_answered_by_the_credential_and_a_refusal_writes_nothing(string operation, string caller, int expected)
    {
        var target = await PrepareAsync(operation);
        var client = await CallerAsync(caller);
        var countsBefore = await DbCounts.CaptureAsync(api);
        var stateBefore = await target.State();

        using var request = target.Request(caller);
        using var response = await client.SendAsync(request);

        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == expected, $"{operation} by {caller}: expected {expected} but got {(int)response.StatusCode}: {body}");
        var countsAfter = await DbCounts.CaptureAsync(api);
        var stateAfter = await target.State();
        if (expected is 401 or 403)
        {
            if (expected == 401) await response.AssertUnauthorizedAsync();
            else await response.ProblemAsync(HttpStatusCode.Forbidden);
            Assert.Equal(countsBefore, countsAfter);
            Assert.Equal(stateBefore, stateAfter);
        }
        else
        {
            // An accepted write is one audit entry, and it changed what the target reads as.
            Assert.Equal(countsBefore.Audit + 1, countsAfter.Audit);
            Assert.NotEqual(stateBefore, stateAfter);
        }
    }

    [Fact]
    public async Task Reporter_of_a_co_operating_agency_may_report_and_the_report_is_its_agencys()
    {
        var planId = await SeededPlan.IdAsync(_admin);
        var reporter = await api.CreateClientAsync(ClientRole.Reporter, BanTdkt);

        var report = await (await reporter.PostReportAsync(planId, 19, ReportBody(null, percent: 55))).JsonAsync(HttpStatusCode.Created);

        Assert.Equal(BanTdkt, report["reportingAgency"]!.Str("code"));
        Assert.Equal(19, report["ordinal"]!.GetValue<int>());
        await using var db = api.NewDbContext();
        var stored = await db.ProgressReports.Where(r => r.Id == Guid.Parse(report.Str("id"))).Select(r => r.ReportingAgency!.Code).SingleAsync();
        Assert.Equal(BanTdkt, stored);
    }

    [Fact]
    public async Task Reporter_is_refused_on_an_item_its_agency_is_not_involved_in_and_nothing_is_written()
    {
        var planId = await SeededPlan.IdAsync(_admin);
        var reporter = await api.CreateClientAsync(ClientRole.Reporter, Education);
        var item6 = await _admin.StateAsync($"{PlansPath}/{planId}/items/6");
        var before = await DbCounts.CaptureAsync(api);

        var response = await reporter.PostReportAsync(planId, 6, ReportBody(null, "completed", 100));

        var problem = await response.ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains(Education, problem.Str("detail"));
        Assert.Equal(before, await DbCounts.CaptureAsync(api));
        Assert.Equal(item6, await _admin.StateAsync($"{PlansPath}/{planId}/items/6"));
    }

    [Fact]
    public async Task Reporter_naming_another_agency_in_the_body_is_refused_even_when_that_agency_is_involved()
    {
        var planId = await SeededPlan.IdAsync(_admin);
        var reporter = await api.CreateClientAsync(ClientRole.Reporter, Education);
        var before = await DbCounts.CaptureAsync(api);

        // Ban TĐKT co-operates on item 19: the only fault is speaking for another agency.
        var response = await reporter.PostReportAsync(planId, 19, ReportBody(BanTdkt));

        var problem = await response.ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains(BanTdkt, problem.Str("detail"));
        Assert.Equal(before, await DbCounts.CaptureAsync(api));
    }

    [Fact]
    public async Task Reporting_agency_stored_is_the_credentials_whether_or_not_the_body_names_it()
    {
        var planId = await SeededPlan.IdAsync(_admin);
        var reporter = await api.CreateClientAsync(ClientRole.Reporter, Education);

        var withoutCode = await (await reporter.PostReportAsync(planId, 19, ReportBody(null, percent: 20))).JsonAsync(HttpStatusCode.Created);
        var withOwnCode = await (await reporter.PostReportAsync(planId, 19, ReportBody(Education, percent: 30))).JsonAsync(HttpStatusCode.Created);

        Assert.Equal(Education, withoutCode["reportingAgency"]!.Str("code"));
        Assert.Equal(Education, withOwnCode["reportingAgency"]!.Str("code"));
        await using var db = api.NewDbContext();
        var ids = new[] { Guid.Parse(withoutCode.Str("id")), Guid.Parse(withOwnCode.Str("id")) };
        var stored = await db.ProgressReports.Where(r => ids.Contains(r.Id)).Select(r => r.ReportingAgency!.Code).ToListAsync();
        Assert.Equal([Education, Education], stored);
    }
}
