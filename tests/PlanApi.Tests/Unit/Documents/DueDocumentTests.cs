using System.Globalization;
using PlanApi.Data;
using PlanApi.Domain;
using PlanApi.Features.Import;

namespace PlanApi.Tests.Unit.Documents;

/// <summary>
/// A plan written for these tests, one task per deadline form in its Thời gian column, read and mapped as an import
/// maps it: each task's kind, window (start and end), day or recurrence, and the phrase as written.
/// </summary>
public sealed class DueDocumentTests
{
    // Ordinal, due cell, kind, start, end, frequency, month, day (of a recurrence); null for fields the kind has not.
    public static readonly TheoryData<int, string, DueKind?, string, string, DueFrequency?, int?, int?> Forms = new()
    {
        { 1, "tháng 02/2023", DueKind.Month, "2023-02-01", "2023-02-28", null, null, null },
        { 2, "cuối tháng 02 năm 2023", DueKind.Month, "2023-02-21", "2023-02-28", null, null, null },
        { 3, "Ngày 11/6/2023", DueKind.Date, "2023-06-11", "2023-06-11", null, null, null },
        { 4, "trước ngày 15/3/2023", DueKind.Date, "2023-03-15", "2023-03-15", null, null, null },
        { 5, "15/7/2024", DueKind.Date, "2024-07-15", "2024-07-15", null, null, null },
        { 6, "Tháng 7 – 8/2023", DueKind.Range, "2023-07-01", "2023-08-31", null, null, null },
        { 7, "Tháng 6, 7/2024", DueKind.Range, "2024-06-01", "2024-07-31", null, null, null },
        { 8, "Quý II – III", DueKind.Range, "2023-04-01", "2023-09-30", null, null, null },
        { 9, "2021 - 2025", DueKind.Range, "2021-01-01", "2025-12-31", null, null, null },
        { 10, "Quý I/2023", DueKind.Range, "2023-01-01", "2023-03-31", null, null, null },
        { 11, "6 tháng đầu năm 2023", DueKind.Range, "2023-01-01", "2023-06-30", null, null, null },
        { 12, "năm 2023", DueKind.Range, "2023-01-01", "2023-12-31", null, null, null },
        { 13, "thường xuyên", DueKind.Ongoing, "2023-01-01", "2023-12-31", null, null, null },
        { 14, "cả năm", DueKind.Ongoing, "2023-01-01", "2023-12-31", null, null, null },
        { 15, "hằng tháng", DueKind.Recurring, "2023-01-01", "2023-12-31", DueFrequency.Monthly, null, null },
        { 16, "hằng quý", DueKind.Recurring, "2023-01-01", "2023-12-31", DueFrequency.Quarterly, null, null },
        { 17, "hằng năm", DueKind.Recurring, "2023-01-01", "2023-12-31", DueFrequency.Yearly, null, null },
        { 18, "Tháng 5 hằng năm", DueKind.Recurring, "2023-01-01", "2023-12-31", DueFrequency.Yearly, 5, null },
        { 19, "Trước ngày 15/11 hằng năm", DueKind.Recurring, "2023-01-01", "2023-12-31", DueFrequency.Yearly, 11, 15 },
        // Not a date: no deadline is guessed; the item is due by the end of its quarter (II) and the text is kept.
        { 20, "tháng 13/2023", null, "2023-04-01", "2023-06-30", null, null, null },
    };

    private static readonly Lazy<(SeedPlan Plan, List<ImportWarning> Warnings)> Imported = new(() =>
    {
        var rows = Forms.Select(f => $"{f[0]}\tThực hiện nhiệm vụ số {f[0]}\tSở Nội vụ\t{f[1]}");
        var document = SeedFiles.ReadText(
            "Số: 9/KH-UBND\nCần Thơ, ngày 05 tháng 01 năm 2023\n\nKẾ HOẠCH\nThi đua năm 2023\n\n"
            + "STT\tNội dung\tCơ quan chủ trì\tThời gian thực hiện\nQUÝ II\t\t\t\n" + string.Join('\n', rows) + "\n");
        return PlanImporter.Map(document with { Header = document.Header with { IssuerName = "UBND thành phố" } }, name => name);
    });

    [Theory]
    [MemberData(nameof(Forms))]
    public void Each_form_is_read_into_its_kind_and_window(
        int ordinal, string written, DueKind? kind, string start, string end, DueFrequency? frequency, int? month, int? day)
    {
        var item = Imported.Value.Plan.Items.Single(i => i.Ordinal == ordinal);
        Assert.Equal(written, item.DueText);
        var due = item.Due?.ToDue();
        Assert.Equal(kind, due?.Kind);
        var built = PlanData.Build(Imported.Value.Plan, new Dictionary<string, Guid> { ["UBND thành phố"] = Guid.Empty, ["Sở Nội vụ"] = Guid.Empty },
            DateTimeOffset.UnixEpoch).Items.Single(i => i.Ordinal == ordinal);
        Assert.Equal((DateOnly.Parse(start, CultureInfo.InvariantCulture), DateOnly.Parse(end, CultureInfo.InvariantCulture)), (built.DueStart, built.DueEnd));
        Assert.Equal(kind, built.DueKind);
        Assert.Equal(frequency, due?.Every?.Frequency);
        Assert.Equal((month, day), (due?.Every?.Month, due?.Every?.Day));
        Assert.Equal(kind == DueKind.Date ? DateOnly.Parse(start, CultureInfo.InvariantCulture) : null, item.Due?.Date);
    }

    [Fact]
    public void Only_the_impossible_date_is_warned_about_at_its_row()
    {
        var dueWarnings = Imported.Value.Warnings.Where(w => w.Message.Contains("due")).ToList();
        var warning = Assert.Single(dueWarnings);
        Assert.Contains("tháng 13/2023", warning.Message);
        Assert.Equal("line 28", warning.Location);
    }
}
