using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using PlanApi.Domain;
using PlanApi.Tests.Infrastructure;
using static PlanApi.Tests.Features.ProgressSheets.ProgressSheetFiles;

namespace PlanApi.Tests.Features.ProgressSheets;

/// <summary>
/// Reporting by spreadsheet for Sở GD&amp;ĐT: download its progress sheet, fill rows, upload (preview, then commit), on
/// 2023-03-15. Each test adds a published plan of its own with items the department leads, so that its rows are its own.
/// </summary>
public sealed class ProgressSheetTests : IClassFixture<PlanApiFactory>
{
    private readonly PlanApiFactory _api;
    private readonly HttpClient _admin;

    public ProgressSheetTests(PlanApiFactory api)
    {
        _api = api;
        _admin = api.CreateClient();
    }

    private async Task<HttpClient> ReporterAsync(string agency = Department) => await _api.CreateClientAsync(ClientRole.Reporter, agency);

    /// <summary>A published plan with <paramref name="count"/> items led by Sở GD&amp;ĐT, due April onwards.</summary>
    private async Task<string> PlanAsync(int count)
    {
        var number = $"{Random.Shared.Next(100, 999_999)}/KH-SGDĐT";
        object Body(string lifecycle) => new
        {
            issuerCode = Department, number, issuedOn = "2023-01-05", year = 2023, title = "Kế hoạch thi đua ngành giáo dục năm 2023", lifecycle,
        };
        var plan = await _admin.PostJsonAsync("/api/v1/plans", Body("draft"), HttpStatusCode.Created);
        var planId = plan["id"]!.GetValue<string>();
        for (var ordinal = 1; ordinal <= count; ordinal++)
        {
            var month = 3 + ordinal;
            await _admin.PostJsonAsync($"/api/v1/plans/{planId}/items", new JsonObject
            {
                ["ordinal"] = ordinal,
                ["quarter"] = (month + 2) / 3,
                ["content"] = $"Tổ chức phong trào thi đua số {ordinal} trong trường học",
                ["leadAgencyCode"] = Department,
                ["coordinatingAgencyCodes"] = new JsonArray(),
                ["andRelatedAgencies"] = false,
                ["due"] = new JsonObject { ["year"] = 2023, ["month"] = month },
                ["dueText"] = $"tháng {month}/2023",
            }, HttpStatusCode.Created);
        }
        await _admin.PutJsonAsync($"/api/v1/plans/{planId}", Body("published"), HttpStatusCode.OK);
        return planId;
    }

    private async Task<int> ReportCountAsync(string planId, int ordinal) =>
        (await _admin.GetJsonAsync($"/api/v1/plans/{planId}/items/{ordinal}/progress-reports"))["total"]!.GetValue<int>();

    private static int RowOf(byte[] xlsx, string planId, int ordinal) => Rows(xlsx).Single(r => r.Value == (planId, ordinal)).Key;

    private static (int, string, string)[] Completed(int row, string summary) =>
        [(row, "status", "Hoàn thành"), (row, "summary", summary), (row, "evidence_number", "15/BC-SGDĐT"), (row, "evidence_date", "08/04/2023")];

    private static List<JsonNode> RowsOf(JsonNode result) => result["rows"]!.AsArray().Select(r => r!).ToList();

    private static JsonNode Row(JsonNode result, int row) => RowsOf(result).Single(r => r["row"]!.GetValue<int>() == row);

    [Fact]
    public async Task The_sheet_lists_the_open_items_with_ids_hidden_keys_Vietnamese_headers_and_a_status_list()
    {
        var planId = await PlanAsync(2);
        var reporter = await ReporterAsync();
        var xlsx = await DownloadAsync(reporter);

        var rows = Rows(xlsx);
        var seeded = await SeededPlan.IdAsync(_admin);
        Assert.Contains((seeded, 19), rows.Values);
        Assert.Contains((planId, 1), rows.Values);
        Assert.Contains((planId, 2), rows.Values);
        Assert.Equal(Enumerable.Range(3, rows.Count), rows.Keys.Order());
        var listed = await _admin.GetJsonAsync($"/api/v1/agencies/{Department}/items?limit=100");
        Assert.Equal(listed["items"]!.AsArray().Count(i => i!["status"]!.GetValue<string>() is not ("completed" or "cancelled")), rows.Count);

        using var document = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var (sheet, keys) = Sheet(document);
        Assert.Equal("H", keys["status"]);
        Assert.True(sheet.Descendants<Row>().Single(r => r.RowIndex! == 1).Hidden?.Value);
        var headers = sheet.Descendants<Row>().Single(r => r.RowIndex! == 2);
        Assert.Equal("Trạng thái báo cáo", Text(document, headers, headers.Elements<Cell>().Single(c => c.CellReference == "H2")));
        var validations = sheet.Descendants<DataValidation>().ToList();
        var list = validations.Single(v => v.Type?.Value == DataValidationValues.List);
        Assert.Equal($"H3:H{rows.Count + 2}", list.SequenceOfReferences!.InnerText);
        Assert.Contains("Hoàn thành", list.Formula1!.Text);
        var whole = validations.Single(v => v.Type?.Value == DataValidationValues.Whole);
        Assert.Equal(("0", "100"), (whole.Formula1!.Text, whole.Formula2!.Text));
    }

    [Fact]
    public async Task A_filled_sheet_uploaded_twice_creates_its_reports_once()
    {
        var planId = await PlanAsync(2);
        var reporter = await ReporterAsync();
        var xlsx = await DownloadAsync(reporter);
        var (first, second) = (RowOf(xlsx, planId, 1), RowOf(xlsx, planId, 2));
        var filled = Fill(xlsx, [.. Completed(first, "Đã tổ chức phát động thi đua tại 120 trường."),
            (second, "status", "Đang thực hiện"), (second, "percent", "40"), (second, "summary", "Đang tổng hợp hồ sơ từ các trường.")]);

        var preview = await UploadJsonAsync(reporter, filled, "bao-cao.xlsx", commit: false);
        Assert.False(preview["committed"]!.GetValue<bool>());
        Assert.Equal("xlsx", preview["format"]!.GetValue<string>());
        Assert.Equal("would_report", Row(preview, first)["outcome"]!.GetValue<string>());
        Assert.Equal("would_report", Row(preview, second)["outcome"]!.GetValue<string>());
        Assert.Equal(2, preview["counts"]!["wouldReport"]!.GetValue<int>());
        Assert.All(RowsOf(preview).Where(r => r["row"]!.GetValue<int>() != first && r["row"]!.GetValue<int>() != second),
            r => Assert.Equal("unchanged", r["outcome"]!.GetValue<string>()));
        Assert.Equal(0, await ReportCountAsync(planId, 1));

        var committed = await UploadJsonAsync(reporter, filled, "bao-cao.xlsx", commit: true);
        Assert.Equal("reported", Row(committed, first)["outcome"]!.GetValue<string>());
        Assert.Equal("reported", Row(committed, second)["outcome"]!.GetValue<string>());
        var reportId = Row(committed, first)["reportId"]!.GetValue<string>();

        var again = await UploadJsonAsync(reporter, filled, "bao-cao.xlsx", commit: true);
        Assert.Equal("already_reported", Row(again, first)["outcome"]!.GetValue<string>());
        Assert.Equal(reportId, Row(again, first)["reportId"]!.GetValue<string>());
        Assert.Equal("already_reported", Row(again, second)["outcome"]!.GetValue<string>());
        Assert.Equal(0, again["counts"]!["reported"]!.GetValue<int>());

        Assert.Equal(1, await ReportCountAsync(planId, 1));
        Assert.Equal(1, await ReportCountAsync(planId, 2));
        var report = await _admin.GetJsonAsync($"/api/v1/progress-reports/{reportId}");
        Assert.Equal(Department, report["reportingAgency"]!["code"]!.GetValue<string>());
        Assert.Equal("completed", report["status"]!.GetValue<string>());
        Assert.Equal(100, report["percentComplete"]!.GetValue<int>());
        Assert.Equal("15/BC-SGDĐT", report["evidence"]!["documentNumber"]!.GetValue<string>());
        Assert.Equal("2023-04-08", report["evidence"]!["documentDate"]!.GetValue<string>());
        var item = await _admin.GetJsonAsync($"/api/v1/plans/{planId}/items/2");
        Assert.Equal(("in_progress", 40), (item["status"]!.GetValue<string>(), item["percentComplete"]!.GetValue<int>()));

        // The same row in a new sheet (the item moved on: completed rows leave the list) is reported once still.
        var next = await DownloadAsync(reporter);
        Assert.DoesNotContain((planId, 1), Rows(next).Values);
        var row2 = RowOf(next, planId, 2);
        var same = await UploadJsonAsync(reporter, Fill(next,
            [(row2, "status", "Đang thực hiện"), (row2, "percent", "40"), (row2, "summary", "Đang tổng hợp hồ sơ từ các trường.")]), "lai.xlsx", commit: true);
        Assert.Equal("already_reported", Row(same, row2)["outcome"]!.GetValue<string>());
        Assert.Equal(1, await ReportCountAsync(planId, 2));
    }

    [Fact]
    public async Task A_bad_status_in_row_7_is_an_error_at_its_cell_and_only_the_other_rows_commit()
    {
        var planId = await PlanAsync(6);
        var reporter = await ReporterAsync();
        var xlsx = await DownloadAsync(reporter);
        var rows = Rows(xlsx);
        Assert.True(rows.Count >= 6);
        var good = RowOf(xlsx, planId, 1) is var r && r != 7 ? r : RowOf(xlsx, planId, 2);
        var (badPlan, badOrdinal) = rows[7];
        var before = await ReportCountAsync(badPlan, badOrdinal);
        var filled = Fill(xlsx, [.. Completed(good, "Đã hoàn thành."), (7, "status", "Xong"), (7, "summary", "Đã xong."), (7, "percent", "101")]);

        var preview = await UploadJsonAsync(reporter, filled, "bao-cao.xlsx", commit: false);
        var error = Row(preview, 7);
        Assert.Equal("error", error["outcome"]!.GetValue<string>());
        var errors = error["errors"]!.AsArray().Select(e => (e!["cell"]!.GetValue<string>(), e["column"]!.GetValue<string>())).ToList();
        Assert.Equal([("H7", "status"), ("I7", "percent")], errors);
        Assert.Contains("'Xong' is not a status", error["errors"]![0]!["message"]!.GetValue<string>());
        Assert.Equal("would_report", Row(preview, good)["outcome"]!.GetValue<string>());

        var committed = await UploadJsonAsync(reporter, filled, "bao-cao.xlsx", commit: true);
        Assert.Equal("error", Row(committed, 7)["outcome"]!.GetValue<string>());
        Assert.Equal("reported", Row(committed, good)["outcome"]!.GetValue<string>());
        Assert.Equal(before, await ReportCountAsync(badPlan, badOrdinal));
        Assert.Equal(1, await ReportCountAsync(planId, rows[good].Ordinal));
    }

    [Fact]
    public async Task The_report_rules_of_a_POST_are_errors_at_their_cells()
    {
        var planId = await PlanAsync(1);
        var reporter = await ReporterAsync();
        var xlsx = await DownloadAsync(reporter);
        var row = RowOf(xlsx, planId, 1);
        var filled = Fill(xlsx, [(row, "status", "completed"), (row, "percent", "80"), (row, "summary", "Xong."),
            (row, "evidence_url", "ftp://so-gddt/bao-cao"), (row, "period_from", "2023-04-30"), (row, "period_to", "2023-04-01")]);

        var preview = await UploadJsonAsync(reporter, filled, "bao-cao.xlsx", commit: true);

        var result = Row(preview, row);
        Assert.Equal("error", result["outcome"]!.GetValue<string>());
        var cells = result["errors"]!.AsArray().Select(e => e!["cell"]!.GetValue<string>()).Order().ToList();
        Assert.Equal([$"I{row}", $"M{row}", $"O{row}"], cells);
        Assert.Equal(0, await ReportCountAsync(planId, 1));
    }

    [Fact]
    public async Task A_row_whose_item_changed_since_the_download_is_stale_and_not_reported()
    {
        var planId = await PlanAsync(2);
        var reporter = await ReporterAsync();
        var xlsx = await DownloadAsync(reporter);
        var (row1, row2) = (RowOf(xlsx, planId, 1), RowOf(xlsx, planId, 2));
        // Someone reports on item 1 after the download.
        var posted = await _admin.PostRawAsync($"/api/v1/plans/{planId}/items/1/progress-reports",
            """{"reportingAgencyCode":"so-gddt-can-tho","status":"in_progress","percentComplete":10,"summary":"Đã phát động."}""",
            ("Idempotency-Key", Guid.NewGuid().ToString()));
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        var filled = Fill(xlsx, [.. Completed(row1, "Đã hoàn thành."), .. Completed(row2, "Đã hoàn thành.")]);

        var result = await UploadJsonAsync(reporter, filled, "bao-cao.xlsx", commit: true);

        Assert.Equal("stale", Row(result, row1)["outcome"]!.GetValue<string>());
        Assert.Contains("download the sheet again", Row(result, row1)["message"]!.GetValue<string>());
        Assert.Equal("reported", Row(result, row2)["outcome"]!.GetValue<string>());
        Assert.Equal(1, await ReportCountAsync(planId, 1));
        var item = await _admin.GetJsonAsync($"/api/v1/plans/{planId}/items/1");
        Assert.Equal("in_progress", item["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_CSV_sheet_round_trips_the_same_way()
    {
        var planId = await PlanAsync(1);
        var reporter = await ReporterAsync();
        var csv = await DownloadAsync(reporter, "csv");
        Assert.Equal(Encoding.UTF8.GetPreamble(), csv[..3]);
        var records = CsvRecords(csv);
        var keys = records[0];
        Assert.Equal("plan_id", keys[0]);
        Assert.Equal("Trạng thái báo cáo", records[1][keys.IndexOf("status")]);
        var index = records.FindIndex(r => r[0] == planId && r[keys.IndexOf("ordinal")] == "1");
        var record = records[index];
        record[keys.IndexOf("status")] = "hoan thanh";
        record[keys.IndexOf("summary")] = "Đã tổ chức, có 12 trường tham gia, \"vượt chỉ tiêu\".";
        record[keys.IndexOf("evidence_date")] = "2023-04-08";
        var filled = Csv(records);

        var preview = await UploadJsonAsync(reporter, filled, "bao-cao.csv", commit: false);
        Assert.Equal("csv", preview["format"]!.GetValue<string>());
        Assert.Equal("would_report", Row(preview, index + 1)["outcome"]!.GetValue<string>());
        var committed = await UploadJsonAsync(reporter, filled, "bao-cao.csv", commit: true);
        Assert.Equal("reported", Row(committed, index + 1)["outcome"]!.GetValue<string>());
        var again = await UploadJsonAsync(reporter, filled, "bao-cao.csv", commit: true);
        Assert.Equal("already_reported", Row(again, index + 1)["outcome"]!.GetValue<string>());

        Assert.Equal(1, await ReportCountAsync(planId, 1));
        var report = (await _admin.GetJsonAsync($"/api/v1/plans/{planId}/items/1/progress-reports"))["items"]![0]!;
        Assert.Equal("Đã tổ chức, có 12 trường tham gia, \"vượt chỉ tiêu\".", report["summary"]!.GetValue<string>());
        Assert.Equal("completed", report["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_admin_uploads_for_the_agency_and_the_report_is_the_agencys()
    {
        var planId = await PlanAsync(1);
        var xlsx = await DownloadAsync(_admin);
        var row = RowOf(xlsx, planId, 1);

        var result = await UploadJsonAsync(_admin, Fill(xlsx, Completed(row, "Ban TĐKT nhập thay Sở.")), "bao-cao.xlsx", commit: true);

        var report = await _admin.GetJsonAsync($"/api/v1/progress-reports/{Row(result, row)["reportId"]!.GetValue<string>()}");
        Assert.Equal(Department, report["reportingAgency"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_reporter_of_another_agency_is_refused()
    {
        var xlsx = await DownloadAsync(_admin);
        var other = await ReporterAsync("ban-tdkt-can-tho");

        var problem = await (await UploadAsync(other, xlsx, "bao-cao.xlsx", commit: true)).ProblemAsync(HttpStatusCode.Forbidden);

        Assert.Contains("ban-tdkt-can-tho", problem["detail"]!.GetValue<string>());
        var anonymous = await UploadAsync(_api.CreateAnonymousClient(), xlsx, "bao-cao.xlsx", commit: false);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Theory]
    [InlineData("rác", "bao-cao.xlsx")]
    [InlineData("PK\u0003\u0004 not really a zip", "bao-cao.xlsx")]
    [InlineData("TT,Nội dung\r\n1,Khen thưởng\r\n", "bao-cao.csv")]
    public async Task A_file_that_is_not_a_progress_sheet_is_a_422_problem(string content, string name)
    {
        var reporter = await ReporterAsync();

        var problem = await (await UploadAsync(reporter, Encoding.UTF8.GetBytes(content), name, commit: true)).ProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Contains("file", problem.ErrorFields());
    }

    [Fact]
    public async Task Binary_junk_an_empty_file_and_an_unknown_agency_are_4xx_problems()
    {
        var reporter = await ReporterAsync();
        var junk = Enumerable.Range(0, 4096).Select(i => (byte)(i * 7 % 256)).ToArray();
        await (await UploadAsync(reporter, junk, "bao-cao.xlsx", commit: true)).ProblemAsync(HttpStatusCode.UnprocessableEntity);
        await (await UploadAsync(reporter, [], "bao-cao.xlsx", commit: true)).ProblemAsync(HttpStatusCode.BadRequest);
        await (await UploadAsync(_admin, junk, "bao-cao.xlsx", commit: false, code: "khong-co")).ProblemAsync(HttpStatusCode.NotFound);
        (await _admin.GetAsync("/api/v1/agencies/khong-co/progress-sheet.xlsx")).EnsureNotSuccess(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_sheet_answers_304_while_nothing_on_it_changed()
    {
        var reporter = await ReporterAsync();
        var first = await reporter.GetAsync($"/api/v1/agencies/{Department}/progress-sheet.csv");
        var etag = first.Headers.ETag!;

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/agencies/{Department}/progress-sheet.csv");
        request.Headers.IfNoneMatch.Add(etag);
        Assert.Equal(HttpStatusCode.NotModified, (await reporter.SendAsync(request)).StatusCode);

        await PlanAsync(1);
        using var after = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/agencies/{Department}/progress-sheet.csv");
        after.Headers.IfNoneMatch.Add(etag);
        Assert.Equal(HttpStatusCode.OK, (await reporter.SendAsync(after)).StatusCode);
    }
}

internal static class ResponseAssertions
{
    public static void EnsureNotSuccess(this HttpResponseMessage response, HttpStatusCode expected) => Assert.Equal(expected, response.StatusCode);
}
