using System.Net;
using MiniExcelLibs;
using PlanApi.Tests.Infrastructure;
using static PlanApi.Tests.Features.Exports.ExportRequests;

namespace PlanApi.Tests.Features.Exports;

/// <summary>GET /api/v1/plans/{planId}/export.xlsx, read back with MiniExcel, on 2023-03-15 (Asia/Ho_Chi_Minh).</summary>
public sealed class PlanStatusXlsxTests(PlanApiFactory api) : IClassFixture<PlanApiFactory>
{
    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private readonly HttpClient _client = api.CreateAnonymousClient();

    private async Task<(byte[] Bytes, List<IDictionary<string, object?>> Rows)> XlsxAsync()
    {
        var bytes = await _client.GetFileAsync(XlsxUrl(await SeededPlan.IdAsync(_client)), XlsxType);
        var rows = MiniExcel.Query(new MemoryStream(bytes), useHeaderRow: true, excelType: ExcelType.XLSX)
            .Cast<IDictionary<string, object?>>().ToList();
        return (bytes, rows);
    }

    [Fact]
    public async Task Workbook_is_a_zip_with_32_rows_and_Vietnamese_intact()
    {
        var (bytes, rows) = await XlsxAsync();

        Assert.Equal("PK\u0003\u0004"u8.ToArray(), bytes[..4]);
        Assert.Equal(["Tình trạng"], MiniExcel.GetSheetNames(new MemoryStream(bytes)));
        Assert.Equal(32, rows.Count);
        Assert.Equal(Enumerable.Range(1, 32), rows.Select(r => Convert.ToInt32(r["TT (No.)"], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.EndsWith("năm 2018 của Ủy ban nhân dân thành phố Cần Thơ", (string)rows[29]["Nội dung (Content)"]!);
        Assert.Equal("Sở Giáo dục và Đào tạo thành phố Cần Thơ", rows[18]["Chủ trì (Lead)"]);
    }

    [Fact]
    public async Task Dates_numbers_and_overdue_are_typed_cells()
    {
        var (_, rows) = await XlsxAsync();

        var item6 = rows[5];
        Assert.Equal(new DateTime(2023, 2, 1), item6["Từ ngày (Due start)"]);
        Assert.Equal(new DateTime(2023, 2, 10), item6["Đến ngày (Due end)"]);
        Assert.Equal(33d, item6["Số ngày quá hạn (Days overdue)"]);
        Assert.Equal([6, 7, 9], rows.Where(r => r["Quá hạn (Overdue)"] is true).Select(r => Convert.ToInt32(r["TT (No.)"], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.All(rows, r => Assert.Equal("not_started", r["Trạng thái (Status)"]));
    }

    [Fact]
    public async Task Workbook_is_an_attachment_named_after_the_plan()
    {
        using var response = await _client.GetAsync(XlsxUrl(await SeededPlan.IdAsync(_client)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal(("attachment", "244-KH-UBND-2023-status.xlsx"), (disposition.DispositionType, disposition.FileName));
        // The ZIP records when it was written, so two identical plans are equal in meaning only: a weak ETag.
        Assert.True(response.Headers.ETag?.IsWeak, "An XLSX export's ETag is weak.");
    }
}
