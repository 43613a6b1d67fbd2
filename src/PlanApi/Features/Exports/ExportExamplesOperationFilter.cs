using System.Text;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using PlanApi.Common;
using PlanApi.Domain;
using PlanApi.Features.Agencies;
using PlanApi.Features.Items;
using PlanApi.Features.Plans;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace PlanApi.Features.Exports;

/// <summary>
/// Examples for the export media types, written by the exports' own writers from the JSON examples
/// (<see cref="IContractExamples"/>), so the contract shows exactly what a client receives. An XLSX workbook is binary: its
/// example is a description of the sheet.
/// </summary>
internal sealed class ExportExamplesOperationFilter : IOperationFilter
{
    private const string XlsxExample =
        "(binary) An XLSX workbook with one sheet, \"Tình trạng\": the CSV export's header row and one row per item.";

    private static readonly Lazy<Dictionary<string, string>> ExamplesByKey = new(Create);

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (operation.Responses?.TryGetValue("200", out var ok) != true || ok?.Content is null) return;
        var agency = (context.ApiDescription.RelativePath ?? "").Contains("/agencies/", StringComparison.Ordinal);
        var examples = ok.Content.Keys.Select(mediaType => (mediaType, Example: mediaType switch
        {
            PlanStatusSheet.CsvMediaType => ExamplesByKey.Value["csv"],
            PlanStatusSheet.XlsxMediaType => XlsxExample,
            DueCalendar.MediaType => ExamplesByKey.Value[agency ? "agency-ics" : "plan-ics"],
            _ => null,
        })).Where(e => e.Example is not null).ToList();
        if (examples.Count == 0) return;
        // The file is the only representation (the body never depends on Accept); the API explorer would also list
        // the controllers' JSON default.
        foreach (var mediaType in ok.Content.Keys.Except(examples.Select(e => e.mediaType)).ToList()) ok.Content.Remove(mediaType);
        foreach (var (mediaType, example) in examples)
        {
            if (ok.Content[mediaType] is OpenApiMediaType media) media.Example = JsonValue.Create(example);
        }
        if (ok.Content.ContainsKey(PlanStatusSheet.XlsxMediaType) && ok.Headers?.TryGetValue("ETag", out var etag) == true && etag is OpenApiHeader header)
            header.Description = "Weak validator (a workbook records when it was written): send it back in If-None-Match to poll cheaply.";
    }

    private static Dictionary<string, string> Create()
    {
        var plan = ContractExamples.Of<PlanDto>();
        var item = ContractExamples.Of<PlanItemDto>();
        var agency = ContractExamples.Of<AgencyDto>();
        // Item 19 is the education department's (the agency example); item 6 the plan example's.
        var body = ContractExamples.Of<CreatePlanItemBody>();
        var item19 = item with
        {
            Ordinal = body.Ordinal,
            Quarter = body.Quarter,
            Content = body.Content,
            LeadRole = null,
            Lead = new AgencyRefDto(agency.Code, agency.Name, agency.ShortName),
            Coordinators = [item.Lead],
            ExecutingUnitsText = body.ExecutingUnitsText,
            Due = new DueDto(2023, 7, MonthPart.Whole, body.DueText, new DateOnly(2023, 7, 1), new DateOnly(2023, 7, 31), false, DueKind.Month),
            Status = ItemStatus.NotStarted,
            PercentComplete = 0,
            CompletedOn = null,
            LastReportedAt = null,
            LatestReportId = null,
            UpdatedAt = item.CreatedAt,
        };
        var export = new PlanExport(plan, [item]);
        using var csv = new MemoryStream();
        PlanStatusSheet.WriteCsvAsync(csv, export, CancellationToken.None).GetAwaiter().GetResult();
        return new Dictionary<string, string>
        {
            ["csv"] = Encoding.UTF8.GetString(csv.ToArray()).TrimStart('\uFEFF'),
            ["plan-ics"] = DueCalendar.ForPlan(export),
            ["agency-ics"] = DueCalendar.ForAgency(new AgencyCalendarExport(agency, [item19])),
        };
    }
}

public static class ExportsSetup
{
    /// <summary>The exports' own contract examples (CSV rows, calendars), which the generic JSON examples cannot show.</summary>
    public static IServiceCollection AddPlanApiExports(this IServiceCollection services) =>
        services.Configure<Swashbuckle.AspNetCore.SwaggerGen.SwaggerGenOptions>(o => o.OperationFilter<ExportExamplesOperationFilter>());
}
