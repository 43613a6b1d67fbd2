using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using PlanApi.Tests.Features.Plans;
using PlanApi.Tests.Infrastructure;
using static PlanApi.Tests.Features.Exports.ExportRequests;
using static PlanApi.Tests.Features.Plans.PlanRequests;

namespace PlanApi.Tests.Features.Exports;

/// <summary>GET /api/v1/plans/{planId}/export.csv on 2023-03-15 (Asia/Ho_Chi_Minh). Plans made here involve districts only.</summary>
public sealed class PlanStatusCsvTests(PlanApiFactory api) : IClassFixture<PlanApiFactory>
{
    private static readonly string[] Headers =
    [
        "TT (No.)", "Quý (Quarter)", "Nội dung (Content)", "Chủ trì (Lead)", "Phối hợp (Coordinators)", "Thời hạn (Due)",
        "Từ ngày (Due start)", "Đến ngày (Due end)", "Trạng thái (Status)", "Tiến độ % (Percent complete)", "Quá hạn (Overdue)",
        "Số ngày quá hạn (Days overdue)", "Ngày hoàn thành (Completed on)",
        "Báo cáo gần nhất, giờ Việt Nam (Last reported at, UTC+7)", "Số in (Printed number)", "Nhóm (Group)", "Loại thời hạn (Due kind)", "Hạn kế tiếp (Next due)",
    ];

    private readonly HttpClient _client = api.CreateClient();

    private async Task<(byte[] Bytes, List<List<string>> Records)> CsvAsync(string planId)
    {
        var bytes = await _client.GetFileAsync(CsvUrl(planId), "text/csv");
        Assert.True(bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble), "The CSV must start with the UTF-8 byte order mark.");
        var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, 3, bytes.Length - 3);
        return (bytes, ParseCsv(text));
    }

    [Fact]
    public async Task Seeded_plan_is_a_header_and_32_rows_with_Vietnamese_intact()
    {
        var planId = await SeededPlan.IdAsync(_client);
        var (bytes, records) = await CsvAsync(planId);

        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n");
        Assert.Equal(33, lines.Length - (lines[^1].Length == 0 ? 1 : 0));
        Assert.Equal(33, records.Count);
        Assert.Equal(Headers, records[0]);
        Assert.All(records, r => Assert.Equal(Headers.Length, r.Count));
        Assert.Equal(Enumerable.Range(1, 32).Select(o => o.ToString(System.Globalization.CultureInfo.InvariantCulture)), records.Skip(1).Select(r => r[0]));
        Assert.EndsWith("năm 2018 của Ủy ban nhân dân thành phố Cần Thơ", records[30][2]);
        Assert.Equal("Khen thưởng, tôn vinh và biểu dương học sinh đạt giải cao tại các kỳ thi học sinh giỏi cấp quốc gia năm học 2022 – 2023",
            records[19][2]);
    }

    [Fact]
    public async Task Every_row_says_what_the_JSON_item_says()
    {
        var planId = await SeededPlan.IdAsync(_client);
        var (_, records) = await CsvAsync(planId);
        var items = (await _client.GetJsonAsync($"{PlansUrl}/{planId}/items?limit=100"))["items"]!.AsArray();

        Assert.Equal(32, items.Count);
        foreach (var (node, row) in items.Zip(records.Skip(1)))
        {
            var item = node!;
            Assert.Equal(item.Int("ordinal").ToString(System.Globalization.CultureInfo.InvariantCulture), row[0]);
            Assert.Equal(item.Int("quarter").ToString(System.Globalization.CultureInfo.InvariantCulture), row[1]);
            Assert.Equal(item.Text("content"), row[2]);
            Assert.Equal(item["lead"]!.Text("name"), row[3]);
            Assert.Equal(string.Join("; ", item["coordinators"]!.AsArray().Select(c => c!.Text("name"))), row[4]);
            Assert.Equal(item["due"]!["text"]?.GetValue<string>() ?? "", row[5]);
            Assert.Equal(item["due"]!.Text("start"), row[6]);
            Assert.Equal(item["due"]!.Text("end"), row[7]);
            Assert.Equal(item.Text("status"), row[8]);
            Assert.Equal(item.Int("percentComplete").ToString(System.Globalization.CultureInfo.InvariantCulture), row[9]);
            Assert.Equal(item["overdue"]!.GetValue<bool>() ? "True" : "False", row[10]);
            Assert.Equal(item.Int("daysOverdue").ToString(System.Globalization.CultureInfo.InvariantCulture), row[11]);
            Assert.Equal(item["completedOn"]?.GetValue<string>() ?? "", row[12]);
            Assert.Equal(item.Text("label"), row[14]);
            Assert.Equal(item["due"]!["kind"]?.GetValue<string>() ?? "end_of_quarter", row[16]);
            Assert.Equal(item["due"]!["nextDue"]?.GetValue<string>() ?? "", row[17]);
        }
    }

    [Fact]
    public async Task Items_6_7_and_9_are_overdue_on_15_March_2023()
    {
        var (_, records) = await CsvAsync(await SeededPlan.IdAsync(_client));
        var rows = records.Skip(1).ToList();

        Assert.Equal(["6", "7", "9"], rows.Where(r => r[10] == "True").Select(r => r[0]));
        Assert.All(rows.Where(r => r[10] != "True"), r => Assert.Equal(("False", "0"), (r[10], r[11])));
        var item6 = rows.Single(r => r[0] == "6");
        Assert.Equal(("đầu tháng 02 /2023", "2023-02-01", "2023-02-10", "33"), (item6[5], item6[6], item6[7], item6[11]));
        Assert.Equal("15", rows.Single(r => r[0] == "7")[11]);
        Assert.Equal("15", rows.Single(r => r[0] == "9")[11]);
    }

    [Fact]
    public async Task Commas_quotes_and_line_breaks_survive_the_round_trip()
    {
        var planId = await _client.CreatePlanIdAsync(PlanBody(UniqueNumber(), year: 2023, lifecycle: "published"));
        const string content = "Tổ chức \"Hội nghị\", tổng kết; đợt 1\r\nvà \"đợt 2\",\nnăm 2023 \"\"";
        await _client.CreateItemAsync(planId, ItemBody(1, quarter: 1, lead: "ninh-kieu", coordinators: ["cai-rang", "binh-thuy"], content: content));
        await _client.CreateItemAsync(planId, ItemBody(2, quarter: 2, lead: "o-mon", content: "Giản dị"));

        var (_, records) = await CsvAsync(planId);

        Assert.Equal(3, records.Count);
        Assert.Equal(content, records[1][2]);
        var caiRang = (await _client.GetJsonAsync("/api/v1/agencies/cai-rang")).Text("name");
        var binhThuy = (await _client.GetJsonAsync("/api/v1/agencies/binh-thuy")).Text("name");
        Assert.Equal($"{caiRang}; {binhThuy}", records[1][4]);
        Assert.Equal(("Giản dị", ""), (records[2][2], records[2][4]));
        // No due phrase: the window is the quarter, and the due text is empty.
        Assert.Equal(("", "2023-04-01", "2023-06-30"), (records[2][5], records[2][6], records[2][7]));
    }

    [Fact]
    public async Task An_empty_plan_is_its_header_row()
    {
        var planId = await _client.CreatePlanIdAsync(PlanBody(UniqueNumber(), year: 2023, lifecycle: "published"));

        var (_, records) = await CsvAsync(planId);

        Assert.Equal(Headers, Assert.Single(records));
    }

    [Fact]
    public async Task File_is_an_attachment_named_after_the_plan()
    {
        var planId = await SeededPlan.IdAsync(_client);
        using var response = await _client.GetAsync(CsvUrl(planId));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Equal("244-KH-UBND-2023-status.csv", disposition.FileName);
        Assert.Equal("244-KH-UBND-2023-status.csv", disposition.FileNameStar);
        Assert.Equal("no-cache", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task Vietnamese_plan_numbers_give_an_ASCII_filename_and_a_UTF8_filename_star()
    {
        var number = UniqueNumber("KH-HĐND");
        var planId = await _client.CreatePlanIdAsync(PlanBody(number, year: 2023, lifecycle: "published"));
        using var response = await _client.GetAsync(CsvUrl(planId));

        var disposition = response.Content.Headers.ContentDisposition!;
        var expected = number.Replace('/', '-') + "-2023-status.csv";
        Assert.Equal(expected.Replace("Đ", "D"), disposition.FileName);
        Assert.Equal(expected, disposition.FileNameStar);
        Assert.All(response.Content.Headers.GetValues("Content-Disposition").Single(), c => Assert.True(c < 128));
    }

    [Fact]
    public async Task An_unchanged_export_answers_304_and_a_new_report_changes_the_ETag()
    {
        var planId = await _client.CreatePlanIdAsync(PlanBody(UniqueNumber(), year: 2023, lifecycle: "published"));
        await _client.CreateItemAsync(planId, ItemBody(1, quarter: 1, lead: "thoi-lai"));
        using var first = await _client.GetAsync(CsvUrl(planId));
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);

        using var again = new HttpRequestMessage(HttpMethod.Get, CsvUrl(planId));
        again.Headers.IfNoneMatch.Add(etag);
        using var notModified = await _client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());

        await api.StoreReportAsync(planId, 1, "thoi-lai", PlanApi.Domain.ItemStatus.InProgress, 40);
        using var changed = new HttpRequestMessage(HttpMethod.Get, CsvUrl(planId));
        changed.Headers.IfNoneMatch.Add(etag);
        using var fresh = await _client.SendAsync(changed);
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        Assert.NotEqual(etag, fresh.Headers.ETag);
        var row = ParseCsv(Encoding.UTF8.GetString(await fresh.Content.ReadAsByteArrayAsync())[1..])[1];
        Assert.Equal(("in_progress", "40", "2023-03-15 09:00"), (row[8], row[9], row[13]));
    }
}
