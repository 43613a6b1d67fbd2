using System.Net;
using System.Text.Json.Nodes;
using PlanApi.Tests.Infrastructure;
using static PlanApi.Tests.Features.Plans.PlanRequests;

namespace PlanApi.Tests.Features.Items;

/// <summary>
/// Deadlines of every kind over HTTP: written and read back, overdue and due soon as the clock moves and reports
/// come in (the SQL filter, the item, the plan's and the agency's status). The clock only moves forward, so this
/// class owns its factory.
/// </summary>
public sealed class DueKindsTests(PlanApiFactory api) : IClassFixture<PlanApiFactory>
{
    private readonly HttpClient _client = api.CreateClient();

    private static JsonObject Kind(string kind, params (string Name, JsonNode? Value)[] fields)
    {
        var due = new JsonObject { ["kind"] = kind };
        foreach (var (name, value) in fields) due[name] = value;
        return due;
    }

    private static JsonObject Every(string frequency, int? month = null, int? day = null) =>
        new() { ["frequency"] = frequency, ["month"] = month, ["day"] = day };

    [Fact]
    public async Task Each_kind_is_kept_and_read_with_its_window_and_overdue_follows_occurrences_and_reports()
    {
        var planId = await _client.CreatePlanIdAsync(PlanBody(UniqueNumber(), year: 2023, issuedOn: "2022-12-01", lifecycle: "published"));
        await _client.CreateItemAsync(planId, ItemBody(1, quarter: 1, due: Kind("recurring", ("recurrence", Every("monthly"))), dueText: "hằng tháng"));
        await _client.CreateItemAsync(planId, ItemBody(2, quarter: 4, due: Kind("ongoing"), dueText: "thường xuyên"));
        await _client.CreateItemAsync(planId, ItemBody(3, quarter: 1, due: Kind("date", ("date", "2023-03-20")), dueText: "trước ngày 20/3/2023"));
        await _client.CreateItemAsync(planId, ItemBody(4, quarter: 1, due: Kind("range", ("start", "2023-02-01"), ("end", "2023-03-10")), dueText: "Tháng 2 – 10/3/2023"));
        await _client.CreateItemAsync(planId, ItemBody(5, quarter: 1, due: Due(2023, 3, "late"), dueText: "cuối tháng 3/2023"));
        await _client.CreateItemAsync(planId, ItemBody(6, quarter: 4, due: Kind("recurring", ("recurrence", Every("yearly", 11, 15))), dueText: "Trước ngày 15/11 hằng năm"));

        // 15 March 2023.
        var monthly = (await Item(planId, 1))["due"]!;
        Assert.Equal(("recurring", "monthly", "2023-01-01", "2023-12-31"),
            (monthly.Text("kind"), monthly["recurrence"]!.Text("frequency"), monthly.Text("start"), monthly.Text("end")));
        Assert.Equal("2023-03-31", monthly.Text("nextDue"));
        var ongoing = await Item(planId, 2);
        Assert.Equal(("ongoing", false, false), (ongoing["due"]!.Text("kind"), ongoing["due"]!["endOfQuarter"]!.GetValue<bool>(), ongoing["overdue"]!.GetValue<bool>()));
        Assert.Null(ongoing["due"]!["nextDue"]);
        var date = (await Item(planId, 3))["due"]!;
        Assert.Equal(("date", "2023-03-20", "2023-03-20", "2023-03-20"), (date.Text("kind"), date.Text("date"), date.Text("start"), date.Text("end")));
        var range = await Item(planId, 4);
        Assert.Equal(("range", "2023-02-01", "2023-03-10", 5), (range["due"]!.Text("kind"), range["due"]!.Text("start"), range["due"]!.Text("end"), range.Int("daysOverdue")));
        var month = (await Item(planId, 5))["due"]!;
        Assert.Equal(("month", 2023, 3, "late", "2023-03-21"), (month.Text("kind"), month.Int("year"), month.Int("month"), month.Text("part"), month.Text("start")));
        var yearly = (await Item(planId, 6))["due"]!["recurrence"]!;
        Assert.Equal(("yearly", 11, 15), (yearly.Text("frequency"), yearly.Int("month"), yearly.Int("day")));

        // January and February have no report: the monthly item is overdue since 1 February.
        Assert.Equal([1, 4], await OverdueAsync(planId));
        Assert.Equal(43, (await Item(planId, 1)).Int("daysOverdue"));

        // A report on February (its period) covers the current occurrence.
        await PostReportAsync(planId, 1, "2023-02-01", "2023-02-28");
        Assert.Equal([4], await OverdueAsync(planId));
        var status = await _client.GetJsonAsync($"/api/v1/plans/{planId}/status");
        Assert.Equal((1, 1, 2), (status.Int("overdueCount"), status.Int("ongoingCount"), status.Int("recurringCount")));
        Assert.Equal([3, 1, 5], status["dueSoon"]!.AsArray().Select(i => i!.Int("ordinal")));
        Assert.Equal(["2023-03-20", "2023-03-31", "2023-03-31"], status["dueSoon"]!.AsArray().Select(i => i!.Text("dueEnd")));
        Assert.Equal("recurring", status["dueSoon"]![1]!.Text("dueKind"));

        // 1 April: March has no report.
        api.SetToday(new DateOnly(2023, 4, 1));
        Assert.Equal([1, 3, 4, 5], await OverdueAsync(planId));
        var overdue = await _client.GetJsonAsync($"/api/v1/plans/{planId}/status");
        var recurring = overdue["overdueItems"]!.AsArray().Single(i => i!.Int("ordinal") == 1)!;
        Assert.Equal(("2023-03-31", 1, "recurring"), (recurring.Text("dueEnd"), recurring.Int("daysOverdue"), recurring.Text("dueKind")));
        var agency = await _client.GetJsonAsync("/api/v1/agencies/ban-tdkt-can-tho/status");
        var own = agency["overdueItems"]!.AsArray().Where(i => i!.Text("planId") == planId).ToList();
        Assert.Equal([4, 3, 1, 5], own.Select(i => i!.Int("ordinal")));

        // A report posted in April without a period covers April, not March: still overdue until May, then not.
        await PostReportAsync(planId, 1, null, null);
        Assert.Contains(1, await OverdueAsync(planId));
        api.SetToday(new DateOnly(2023, 5, 1));
        Assert.DoesNotContain(1, await OverdueAsync(planId));
        Assert.False((await Item(planId, 2))["overdue"]!.GetValue<bool>());

        // Long after the year: the ongoing item is still not overdue; the yearly one (never reported) is.
        api.SetToday(new DateOnly(2024, 2, 1));
        var after = await OverdueAsync(planId);
        Assert.DoesNotContain(2, after);
        Assert.Contains(6, after);
    }

    [Fact]
    public async Task Changing_an_item_to_recurring_counts_the_reports_it_already_has_and_a_new_plan_year_moves_its_occurrences()
    {
        var planId = await _client.CreatePlanIdAsync(PlanBody(UniqueNumber(), year: 2023, issuedOn: "2022-12-01", lifecycle: "published"));
        await _client.CreateItemAsync(planId, ItemBody(1, quarter: 1, due: Due(2023, 12)));
        await PostReportAsync(planId, 1, "2022-12-01", "2022-12-31");
        var put = await _client.SendJsonAsync(HttpMethod.Put, $"{PlansUrl}/{planId}/items/1",
            ItemBody(null, quarter: 1, due: Kind("recurring", ("recurrence", Every("quarterly"))), dueText: "hằng quý").ToJsonString());
        var item = await put.JsonAsync(HttpStatusCode.OK);
        Assert.Equal(("recurring", "2023-12-31"), (item["due"]!.Text("kind"), item["due"]!.Text("end")));
        Assert.False(item["overdue"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData("""{"kind": "date"}""", "due.date")]
    [InlineData("""{"kind": "date", "date": "1999-12-31"}""", "due.date")]
    [InlineData("""{"kind": "date", "date": "2023-03-15", "year": 2023}""", "due.year")]
    [InlineData("""{"kind": "range", "start": "2023-08-01"}""", "due.end")]
    [InlineData("""{"kind": "range", "start": "2023-08-01", "end": "2023-07-31"}""", "due.end")]
    [InlineData("""{"kind": "range", "start": "2023-07-01", "end": "2023-08-31", "part": "late"}""", "due.part")]
    [InlineData("""{"kind": "ongoing", "date": "2023-03-15"}""", "due.date")]
    [InlineData("""{"kind": "recurring"}""", "due.recurrence")]
    [InlineData("""{"kind": "recurring", "recurrence": {}}""", "due.recurrence.frequency")]
    [InlineData("""{"kind": "recurring", "recurrence": {"frequency": "monthly", "month": 5}}""", "due.recurrence.month")]
    [InlineData("""{"kind": "recurring", "recurrence": {"frequency": "quarterly", "day": 15}}""", "due.recurrence.day")]
    [InlineData("""{"kind": "recurring", "recurrence": {"frequency": "yearly", "month": 4, "day": 31}}""", "due.recurrence.day")]
    [InlineData("""{"kind": "recurring", "recurrence": {"frequency": "yearly", "day": 15}}""", "due.recurrence.day")]
    [InlineData("""{"kind": "recurring", "recurrence": {"frequency": "monthly", "day": 32}}""", "due.recurrence.day")]
    [InlineData("""{"kind": "month", "year": 2023}""", "due.month")]
    [InlineData("""{"month": 3}""", "due.year")]
    [InlineData("""{"kind": "month", "year": 2023, "month": 3, "recurrence": {"frequency": "monthly"}}""", "due.recurrence")]
    public async Task A_deadline_without_the_fields_of_its_kind_or_with_another_kinds_is_a_400_naming_the_field(string due, string field)
    {
        var planId = await _client.CreatePlanIdAsync(PlanBody(UniqueNumber(), year: 2023, issuedOn: "2022-12-01"));
        var body = ItemBody(1, due: (JsonObject)JsonNode.Parse(due)!);
        var response = await _client.SendJsonAsync(HttpMethod.Post, $"{PlansUrl}/{planId}/items", body.ToJsonString());
        (await response.BadRequestAsync()).AssertNames(field);
        Assert.Equal(0, (await _client.GetJsonAsync($"{PlansUrl}/{planId}/items")).Int("total"));
    }

    private async Task<JsonNode> Item(string planId, int ordinal) => await _client.GetJsonAsync($"{PlansUrl}/{planId}/items/{ordinal}");

    private async Task<List<int>> OverdueAsync(string planId) =>
        (await _client.GetJsonAsync($"{PlansUrl}/{planId}/items?overdue=true&limit=100")).Ordinals();

    private async Task PostReportAsync(string planId, int ordinal, string? from, string? to)
    {
        var body = new JsonObject
        {
            ["reportingAgencyCode"] = "ban-tdkt-can-tho", ["status"] = "in_progress", ["percentComplete"] = 20,
            ["summary"] = "Đã báo cáo kết quả trong kỳ.", ["periodFrom"] = from, ["periodTo"] = to,
        };
        var response = await _client.SendJsonAsync(HttpMethod.Post, $"{PlansUrl}/{planId}/items/{ordinal}/progress-reports",
            body.ToJsonString(), ("Idempotency-Key", Guid.NewGuid().ToString()));
        await response.JsonAsync(HttpStatusCode.Created);
    }
}
