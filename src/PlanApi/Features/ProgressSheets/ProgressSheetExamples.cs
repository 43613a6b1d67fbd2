using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.OpenApi;
using PlanApi.Common;
using PlanApi.Domain;
using PlanApi.Features.Plans;
using PlanApi.Features.ProgressReports;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace PlanApi.Features.ProgressSheets;

/// <summary>Contract examples of progress sheets: Sở GD&amp;ĐT's sheet with item 19, and an upload of it with one error.</summary>
internal sealed class ProgressSheetExamples : IContractExamples
{
    public static readonly ProgressSheet Sheet = new("so-gddt-can-tho", "Sở Giáo dục và Đào tạo thành phố Cần Thơ",
    [
        new ProgressSheetLine(PlanExamples.PlanId, 19, 48213, "244/KH-UBND",
            "Khen thưởng, tôn vinh và biểu dương học sinh đạt giải cao tại các kỳ thi học sinh giỏi cấp quốc gia năm học 2022 – 2023",
            "tháng 7/2023", ItemStatus.NotStarted, 0, null, null),
    ]);

    private static readonly ProgressReportBody Report19 = new(
        null, ItemStatus.Completed, 100, "Đã tổ chức tuyên dương 45 học sinh đạt giải quốc gia ngày 20/7/2023.",
        new EvidenceDto("1520/QĐ-SGDĐT", new DateOnly(2023, 7, 18), null), null, null);

    private static readonly ProgressImportRowDto[] Rows =
    [
        new(3, PlanExamples.PlanId, 19, ProgressImportOutcome.Reported, [], ReportId: Guid.Parse("0195f3a4-88bb-7c2d-8e3f-abcdef012345"), Report: Report19),
        new(4, PlanExamples.PlanId, 23, ProgressImportOutcome.Error,
            [new ProgressImportErrorDto("H4", ProgressSheetLayout.Status, "'Xong' is not a status: choose one of Chưa thực hiện, Đang thực hiện, Hoàn thành, Tạm hoãn, Không thực hiện.")]),
        new(5, PlanExamples.PlanId, 13, ProgressImportOutcome.Unchanged, []),
    ];

    public IReadOnlyDictionary<Type, object> Examples => new Dictionary<Type, object>
    {
        [typeof(ProgressImportDto)] = new ProgressImportDto("so-gddt-can-tho", "xlsx", true, Rows, ProgressImportCountsDto.Of(Rows)),
    };

    public static string Csv()
    {
        using var csv = new MemoryStream();
        ProgressSheetWriter.WriteCsvAsync(csv, Sheet, CancellationToken.None).GetAwaiter().GetResult();
        return Encoding.UTF8.GetString(csv.ToArray()).TrimStart('\uFEFF');
    }
}

/// <summary>The sheets' own examples (the CSV as written, a description of the workbook), which JSON examples cannot show.</summary>
internal sealed class ProgressSheetExamplesOperationFilter : IOperationFilter
{
    private const string XlsxExample =
        "(binary) An XLSX workbook with one sheet, \"Báo cáo tiến độ\": the column keys in a hidden first row, the Vietnamese headers, one row per open item.";

    private static readonly Lazy<string> CsvExample = new(ProgressSheetExamples.Csv);

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (context.ApiDescription.ActionDescriptor.RouteValues["controller"] is not ("ProgressSheets" or "ProgressImports")) return;
        if (operation.Responses?.TryGetValue("200", out var ok) != true || ok?.Content is null) return;
        foreach (var (mediaType, media) in ok.Content)
        {
            if (media is not OpenApiMediaType m) continue;
            if (mediaType == ProgressSheetWriter.CsvMediaType) m.Example = JsonValue.Create(CsvExample.Value);
            if (mediaType == ProgressSheetWriter.XlsxMediaType) m.Example = JsonValue.Create(XlsxExample);
        }
    }
}

public static class ProgressSheetsSetup
{
    /// <summary>The sheets' file examples in the contract (after the exports' filter, which knows only the plan status CSV).</summary>
    public static IServiceCollection AddPlanApiProgressSheets(this IServiceCollection services)
    {
        // The sheet lists the agency's to-do list exactly as GET /agencies/{code}/items does, with that handler.
        services.TryAddScoped<Agencies.ListAgencyItemsHandler>();
        return services.Configure<SwaggerGenOptions>(o => o.OperationFilter<ProgressSheetExamplesOperationFilter>());
    }
}
