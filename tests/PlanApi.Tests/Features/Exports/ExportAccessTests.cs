using System.Net;
using PlanApi.Tests.Features.Plans;
using PlanApi.Tests.Infrastructure;
using static PlanApi.Tests.Features.Exports.ExportRequests;
using static PlanApi.Tests.Features.Plans.PlanRequests;

namespace PlanApi.Tests.Features.Exports;

/// <summary>Who may read which export: published plans anyone, drafts credentials only; errors are problem details.</summary>
public sealed class ExportAccessTests(PlanApiFactory api) : IClassFixture<PlanApiFactory>
{
    private static readonly (Func<string, string> Url, string MediaType)[] Exports =
    [
        (CsvUrl, "text/csv"),
        (XlsxUrl, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        (PlanIcsUrl, "text/calendar"),
    ];

    private readonly HttpClient _anonymous = api.CreateAnonymousClient();
    private readonly HttpClient _admin = api.CreateClient();

    [Fact]
    public async Task Anyone_can_fetch_a_published_plans_exports()
    {
        var planId = await SeededPlan.IdAsync(_anonymous);
        foreach (var (url, mediaType) in Exports)
            Assert.NotEmpty(await _anonymous.GetFileAsync(url(planId), mediaType));
    }

    [Fact]
    public async Task A_draft_is_404_anonymously_and_exported_with_credentials()
    {
        var draft = await _admin.CreatePlanIdAsync(PlanBody(UniqueNumber(), year: 2023));
        await _admin.CreateItemAsync(draft, ItemBody(1, quarter: 1, lead: "phong-dien"));
        var reader = await api.CreateClientAsync(PlanApi.Domain.ClientRole.Reader);

        foreach (var (url, mediaType) in Exports)
        {
            await (await _anonymous.GetAsync(url(draft))).ProblemAsync(HttpStatusCode.NotFound);
            Assert.NotEmpty(await _admin.GetFileAsync(url(draft), mediaType));
            Assert.NotEmpty(await reader.GetFileAsync(url(draft), mediaType));
        }
    }

    [Fact]
    public async Task An_unknown_plan_is_404_and_a_malformed_id_400_as_problem_details()
    {
        foreach (var (url, _) in Exports)
        {
            var problem = await (await _anonymous.GetAsync(url(Guid.NewGuid().ToString()))).ProblemAsync(HttpStatusCode.NotFound);
            Assert.Contains("does not exist", problem["detail"]!.GetValue<string>());
            await (await _anonymous.GetAsync(url("not-a-guid"))).ProblemAsync(HttpStatusCode.BadRequest);
        }
    }

    [Fact]
    public async Task Errors_are_problem_details_even_when_the_client_accepts_only_the_export_type()
    {
        foreach (var (url, mediaType) in Exports)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url(Guid.NewGuid().ToString()));
            request.Headers.Accept.ParseAdd(mediaType);
            await (await _anonymous.SendAsync(request)).ProblemAsync(HttpStatusCode.NotFound);
        }
    }
}
