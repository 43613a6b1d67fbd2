using PlanApi.Client;
using PlanApi.Tests.Infrastructure;
using ClientRole = PlanApi.Domain.ClientRole;

namespace PlanApi.ClientTests;

/// <summary>
/// The C# client generated from <c>openapi/v1.json</c> (NSwag, at build time, with the settings
/// <c>scripts/generate-client.sh</c> gives integrators) calling the API in memory over real PostgreSQL, as a ward's or a
/// department's system would on its first day. A contract that no longer matches what the API sends, or a shape the
/// generator cannot read, fails here.
/// </summary>
public sealed class GeneratedClientTests(PlanApiFactory api) : IClassFixture<PlanApiFactory>
{
    private const string PlanNumber = "244/KH-UBND";
    private const string Education = "so-gddt-can-tho";

    private readonly PlanApiClient _portal = new(api.CreateAnonymousClient());

    private async Task<PlanSummaryDto> SeededPlanAsync()
    {
        var page = await _portal.ListPlansAsync(year: 2023, issuer: "ubnd-can-tho", limit: 100);
        return Assert.Single(page.Items, p => p.Number == PlanNumber && p.IssuedOn == new DateOnly(2022, 12, 20));
    }

    [Fact]
    public async Task Lists_plans_and_reads_the_seeded_plans_status()
    {
        var page = await _portal.ListPlansAsync(year: 2023, issuer: "ubnd-can-tho", lifecycle: PlanLifecycle.Published);
        Assert.Equal(20, page.Limit);
        Assert.Equal(page.Items.Count, page.Total);
        var plan = Assert.Single(page.Items, p => p.Number == PlanNumber);
        Assert.Equal(PlanLifecycle.Published, plan.Lifecycle);
        Assert.Equal("ubnd-can-tho", plan.Issuer.Code);
        Assert.Equal(32, plan.ItemCount);

        var status = await _portal.GetPlanStatusAsync(plan.Id);
        Assert.Equal(plan.Id, status.PlanId);
        Assert.Equal(new DateOnly(2023, 3, 15), status.Today);
        Assert.Equal(32, status.TotalItems);
        Assert.Equal(32, status.ByStatus.NotStarted + status.ByStatus.InProgress + status.ByStatus.Completed
            + status.ByStatus.Postponed + status.ByStatus.Cancelled);
        Assert.Equal([1, 2, 3, 4], status.ByQuarter.Select(q => q.Quarter));
        Assert.Equal(status.OverdueCount, status.OverdueItems.Count);
        Assert.All(status.OverdueItems, o => Assert.True(o.DueEnd < status.Today, $"item {o.Ordinal} is overdue before its end"));
        Assert.NotEmpty(status.ByLeadAgency);
    }

    [Fact]
    public async Task Reads_an_agencys_to_do_list_in_due_order()
    {
        var plan = await SeededPlanAsync();

        var todo = await _portal.ListAgencyItemsAsync(Education, limit: 100);

        Assert.NotEmpty(todo.Items);
        Assert.Equal(todo.Items.Count, todo.Total);
        Assert.All(todo.Items, i => Assert.Equal(PlanNumber, i.PlanNumber));
        Assert.Contains(todo.Items, i => i.PlanId == plan.Id && i.Ordinal == 19);
        Assert.Equal(todo.Items.Select(i => i.Due.End).Order(), todo.Items.Select(i => i.Due.End));
        Assert.All(todo.Items, i => Assert.True(Enum.IsDefined(i.Status)));
    }

    [Fact]
    public async Task Posts_a_progress_report_with_an_Idempotency_Key_and_a_retry_is_replayed_without_a_second_report()
    {
        var plan = await SeededPlanAsync();
        var reporter = new PlanApiClient(await api.CreateClientAsync(ClientRole.Reporter, Education));
        var key = Guid.NewGuid().ToString();
        var report = new ProgressReportBody { Status = ItemStatus.Completed, Summary = "Đã tổ chức tuyên dương học sinh giỏi quốc gia." };

        var first = await reporter.PostProgressReportAsync(plan.Id, 19, key, report);
        var retry = await reporter.PostProgressReportAsync(plan.Id, 19, key, report);

        Assert.Equal(201, first.StatusCode);
        Assert.False(first.Headers.ContainsKey("Idempotent-Replayed"));
        Assert.Equal(ItemStatus.Completed, first.Result.Status);
        Assert.Equal(100, first.Result.PercentComplete);
        Assert.Equal(Education, first.Result.ReportingAgency.Code);
        Assert.Equal(report.Summary, first.Result.Summary);
        Assert.Equal(201, retry.StatusCode);
        Assert.Equal(["true"], retry.Headers["Idempotent-Replayed"]);
        Assert.Equal(first.Result.Id, retry.Result.Id);

        var reports = await _portal.ListProgressReportsAsync(plan.Id, 19);
        Assert.Equal(first.Result.Id, Assert.Single(reports.Items).Id);
        var item = await _portal.GetPlanItemAsync(plan.Id, 19);
        Assert.Equal(ItemStatus.Completed, item.Status);
        Assert.Equal(first.Result.Id, item.LatestReportId);
    }

    [Fact]
    public async Task Refused_input_is_a_problem_whose_errors_the_client_reads()
    {
        var plan = await SeededPlanAsync();
        var reporter = new PlanApiClient(await api.CreateClientAsync(ClientRole.Reporter, Education));

        var refused = await Assert.ThrowsAsync<PlanApiException<ValidationProblemDetails>>(() => reporter.PostProgressReportAsync(
            plan.Id, 19, Guid.NewGuid().ToString(), new ProgressReportBody { Status = ItemStatus.In_progress, PercentComplete = 150, Summary = "Quá 100 %." }));

        Assert.Equal(400, refused.StatusCode);
        Assert.Equal(400, refused.Result.Status);
        Assert.Contains("percentComplete", refused.Result.Errors.Keys);
        var missing = await Assert.ThrowsAsync<PlanApiException<ProblemDetails>>(() => _portal.GetPlanAsync(Guid.NewGuid()));
        Assert.Equal(404, missing.StatusCode);
    }
}
