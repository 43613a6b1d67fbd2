using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using PlanApi.Tests.Infrastructure;

namespace PlanApi.Tests.Features.Agencies;

/// <summary>
/// GET /api/v1/agencies/{code}/items after progress reports: the status and overdue filters follow the newest report.
/// Its own database: reports here change the seeded items' status.
/// </summary>
public sealed class AgencyItemsProgressTests : IClassFixture<PlanApiFactory>
{
    private readonly HttpClient _client;

    public AgencyItemsProgressTests(PlanApiFactory api)
    {
        _client = api.CreateClient();
    }

    private static List<int> Ordinals(JsonNode page) =>
        page["items"]!.AsArray().Select(i => i!["ordinal"]!.GetValue<int>()).ToList();

    private async Task ReportAsync(int ordinal, string agency, string status, int percent, string summary)
    {
        var planId = await SeededPlan.IdAsync(_client);
        var body = JsonSerializer.Serialize(new { reportingAgencyCode = agency, status, percentComplete = percent, summary });
        var response = await _client.PostRawAsync($"/api/v1/plans/{planId}/items/{ordinal}/progress-reports", body,
            ("Idempotency-Key", Guid.NewGuid().ToString()));
        await response.JsonAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Completing_overdue_item_6_moves_it_from_the_overdue_list_to_the_completed_list()
    {
        await ReportAsync(6, "ban-tdkt-can-tho", "completed", 100,
            "Đã tổ chức họp Hội đồng TĐKT phiên thứ nhất; hồ sơ đề nghị Cờ thi đua của Chính phủ đã trình.");

        var overdue = await _client.GetJsonAsync("/api/v1/agencies/ban-tdkt-can-tho/items?overdue=true");
        Assert.Equal([7, 9], Ordinals(overdue));

        var completed = await _client.GetJsonAsync("/api/v1/agencies/ban-tdkt-can-tho/items?status=completed");
        Assert.Equal([6], Ordinals(completed));
        var item = completed["items"]![0]!;
        Assert.Equal(100, item["percentComplete"]!.GetValue<int>());
        Assert.False(item["overdue"]!.GetValue<bool>());
        Assert.Equal(0, item["daysOverdue"]!.GetValue<int>());
        Assert.True(item["completedLate"]!.GetValue<bool>());
        Assert.Equal("2023-03-15", item["completedOn"]!.GetValue<string>());

        var notStarted = await _client.GetJsonAsync("/api/v1/agencies/ban-tdkt-can-tho/items?status=not_started&limit=100");
        Assert.DoesNotContain(6, Ordinals(notStarted));
        // Other tests of this class report on items 9 and 19: every item is in exactly one status list.
        var totals = 0;
        foreach (var status in new[] { "not_started", "in_progress", "completed", "postponed", "cancelled" })
            totals += (await _client.GetJsonAsync($"/api/v1/agencies/ban-tdkt-can-tho/items?status={status}"))["total"]!.GetValue<int>();
        Assert.Equal(32, totals);
        Assert.Contains(6, Ordinals(await _client.GetJsonAsync("/api/v1/agencies/ban-tdkt-can-tho/items?overdue=false&limit=100")));
    }

    [Fact]
    public async Task Lead_report_on_item_19_shows_in_progress_on_both_the_lead_and_the_coordinator_lists()
    {
        await ReportAsync(19, "so-gddt-can-tho", "in_progress", 40,
            "Đang tổng hợp danh sách học sinh đạt giải kỳ thi học sinh giỏi quốc gia năm học 2022 – 2023.");

        var lead = await _client.GetJsonAsync("/api/v1/agencies/so-gddt-can-tho/items?status=in_progress");
        Assert.Equal([19], Ordinals(lead));
        Assert.Equal(40, lead["items"]![0]!["percentComplete"]!.GetValue<int>());
        Assert.Equal(0, (await _client.GetJsonAsync("/api/v1/agencies/so-gddt-can-tho/items?status=not_started"))["total"]!.GetValue<int>());

        var coordinator = await _client.GetJsonAsync("/api/v1/agencies/ban-tdkt-can-tho/items?role=coordinator&status=in_progress");
        Assert.Equal([19], Ordinals(coordinator));
        Assert.Equal(0, (await _client.GetJsonAsync("/api/v1/agencies/ban-tdkt-can-tho/items?role=lead&status=in_progress"))["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task Postponed_overdue_item_stays_overdue()
    {
        await ReportAsync(9, "ban-tdkt-can-tho", "postponed", 0, "Hoãn thẩm định sáng kiến đợt 1 sang tháng 4/2023.");

        var postponed = await _client.GetJsonAsync("/api/v1/agencies/ban-tdkt-can-tho/items?status=postponed");
        Assert.Equal([9], Ordinals(postponed));
        Assert.True(postponed["items"]![0]!["overdue"]!.GetValue<bool>());
        Assert.Contains(9, Ordinals(await _client.GetJsonAsync("/api/v1/agencies/ban-tdkt-can-tho/items?overdue=true")));
    }
}
