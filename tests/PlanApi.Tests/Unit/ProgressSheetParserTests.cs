using PlanApi.Domain;
using PlanApi.Features.ProgressSheets;

namespace PlanApi.Tests.Unit;

/// <summary>Reading the rows of an uploaded progress sheet: keys, empty rows, cells that do not read, dates and numbers.</summary>
public sealed class ProgressSheetParserTests
{
    private static readonly string PlanId = "0195f3a0-1c2b-7d4e-8f90-123456789abc";

    private static RawSheetRow Row(int number, params string[] cells) =>
        new(number, cells.Select((c, i) => (c, i)).ToDictionary(x => x.i, x => new RawCell(x.c)));

    private static RawSheetRow Keys(int number = 1) => Row(number, [.. ProgressSheetLayout.Columns.Select(c => c.Key)]);

    private static RawSheetRow Headers() => Row(2, [.. ProgressSheetLayout.Columns.Select(c => c.Header)]);

    /// <summary>An item row with the report cells given by key.</summary>
    private static RawSheetRow Item(int number, params (string Key, string Value)[] report)
    {
        var cells = ProgressSheetLayout.Columns.Select(c => c.Key switch
        {
            ProgressSheetLayout.PlanId => PlanId,
            ProgressSheetLayout.Version => "4711",
            ProgressSheetLayout.Ordinal => "19",
            ProgressSheetLayout.Content => "Khen thưởng học sinh giỏi",
            _ => report.FirstOrDefault(r => r.Key == c.Key).Value ?? "",
        }).ToArray();
        return Row(number, cells);
    }

    [Fact]
    public void A_filled_row_reads_into_a_report_and_an_unfilled_one_is_left_out()
    {
        var entries = ProgressSheetParser.Parse([Keys(), Headers(),
            Item(3, ("status", "Hoàn thành"), ("summary", " Đã tuyên dương. "), ("evidence_number", "15/BC"), ("evidence_date", "08/02/2023")),
            Item(4), Row(5, "", "", "")]);

        Assert.Equal(2, entries.Count);
        var filled = entries[0];
        Assert.Equal((3, Guid.Parse(PlanId), 19, 4711u), (filled.Row, filled.PlanId!.Value, filled.Ordinal!.Value, filled.Version!.Value));
        Assert.Empty(filled.Errors);
        Assert.Equal(ItemStatus.Completed, filled.Body!.Status);
        Assert.Equal("Đã tuyên dương.", filled.Body.Summary);
        Assert.Equal(new DateOnly(2023, 2, 8), filled.Body.Evidence!.DocumentDate);
        Assert.False(entries[1].Filled);
        Assert.Null(entries[1].Body);
    }

    [Theory]
    [InlineData("hoàn thành", ItemStatus.Completed)]
    [InlineData("HOAN THANH", ItemStatus.Completed)]
    [InlineData("in_progress", ItemStatus.InProgress)]
    [InlineData("Đang thực hiện", ItemStatus.InProgress)]
    [InlineData("Không thực hiện", ItemStatus.Cancelled)]
    public void A_status_reads_from_its_label_or_api_name_in_any_case_with_or_without_diacritics(string text, ItemStatus expected) =>
        Assert.Equal(expected, ProgressSheetLayout.ParseStatus(text));

    [Fact]
    public void Cells_that_do_not_read_are_named_by_their_reference()
    {
        var entry = Assert.Single(ProgressSheetParser.Parse([Keys(), Item(7, ("status", "Xong"), ("percent", "50.5"), ("evidence_date", "31/02/2023"))]));

        Assert.Null(entry.Body);
        Assert.Equal([("H7", "status"), ("I7", "percent"), ("J7", "summary"), ("L7", "evidence_date")],
            entry.Errors.Select(e => (e.Cell, e.Column)));
    }

    [Fact]
    public void Columns_are_found_by_their_keys_wherever_they_are()
    {
        var keys = ProgressSheetLayout.Columns.Select(c => c.Key).Reverse().ToArray();
        var values = keys.Select(k => k switch
        {
            ProgressSheetLayout.PlanId => PlanId,
            ProgressSheetLayout.Version => "1",
            ProgressSheetLayout.Ordinal => "2",
            ProgressSheetLayout.Status => "Tạm hoãn",
            ProgressSheetLayout.Summary => "Chờ kinh phí.",
            _ => "",
        }).ToArray();

        var entry = Assert.Single(ProgressSheetParser.Parse([Row(3, "Báo cáo tiến độ"), Row(4, keys), Row(5, values)]));

        Assert.Equal(ItemStatus.Postponed, entry.Body!.Status);
        Assert.Equal(2, entry.Ordinal);
    }

    [Fact]
    public void A_file_without_the_key_row_is_not_a_progress_sheet() =>
        Assert.Throws<ProgressSheetFormatException>(() => ProgressSheetParser.Parse([Headers(), Item(3, ("status", "Hoàn thành"))]));

    [Theory]
    [InlineData("45000", true, "2023-03-15")]
    [InlineData("2023-03-15", false, "2023-03-15")]
    [InlineData("15/3/2023", false, "2023-03-15")]
    [InlineData("2023-03-15 00:00:00", false, "2023-03-15")]
    [InlineData("45000.5", true, null)]
    [InlineData("15/13/2023", false, null)]
    public void Dates_read_as_workbook_day_numbers_or_written_out_day_first(string text, bool numeric, string? expected) =>
        Assert.Equal(expected is null ? null : DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            ProgressSheetParser.ReadDate(new RawCell(text, numeric)));

    [Fact]
    public void The_same_report_hashes_the_same_whatever_the_spelling_of_its_cells()
    {
        var a = ProgressSheetParser.Parse([Keys(), Item(3, ("status", "Hoàn thành"), ("summary", "Xong"), ("percent", "100"), ("period_from", "2023-02-01"))]);
        var b = ProgressSheetParser.Parse([Keys(), Item(9, ("status", "completed"), ("summary", "Xong "), ("percent", "100%"), ("period_from", "01/02/2023"))]);
        var c = ProgressSheetParser.Parse([Keys(), Item(3, ("status", "Hoàn thành"), ("summary", "Xong."), ("percent", "100"), ("period_from", "2023-02-01"))]);

        Assert.Equal(a[0].ContentHash(), b[0].ContentHash());
        Assert.NotEqual(a[0].ContentHash(), c[0].ContentHash());
    }

    [Theory]
    [InlineData(0, "A")]
    [InlineData(25, "Z")]
    [InlineData(26, "AA")]
    [InlineData(701, "ZZ")]
    public void Column_letters_go_both_ways(int index, string letters)
    {
        Assert.Equal(letters, ProgressSheetLayout.Letter(index));
        Assert.Equal(index, ProgressSheetLayout.IndexOfLetters(letters));
    }
}
