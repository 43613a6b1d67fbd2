using System.Globalization;
using System.Text;
using PlanApi.Documents;

namespace PlanApi.Tests.Unit.Documents;

/// <summary>Each due phrase form, with its precision, and what is not a due phrase.</summary>
public sealed class DuePhraseParserTests
{
    [Theory]
    [InlineData("tháng 02/2023", 2023, 2)]
    [InlineData("tháng 3/2023", 2023, 3)]
    [InlineData("Tháng 12 năm 2023", 2023, 12)]
    [InlineData("trong tháng 7-2023", 2023, 7)]
    [InlineData("tháng 5", 2024, 5)]
    public void Months(string text, int year, int month) =>
        Assert.Equal(new DuePhrase(DuePhraseKind.Month, text, year, month, DuePhraseMonthPart.Whole), DuePhraseParser.Parse(text, 2024));

    [Theory]
    [InlineData("đầu tháng 02 /2023", DuePhraseMonthPart.Early)]
    [InlineData("giữa tháng 02 năm 2023", DuePhraseMonthPart.Mid)]
    [InlineData("cuối tháng 02 năm 2023", DuePhraseMonthPart.Late)]
    [InlineData("Cuối Tháng 02/2023", DuePhraseMonthPart.Late)]
    public void Parts_of_a_month(string text, DuePhraseMonthPart part) =>
        Assert.Equal(new DuePhrase(DuePhraseKind.MonthPart, text, 2023, 2, part), DuePhraseParser.Parse(text));

    [Theory]
    [InlineData("Quý I/2023", 1, 2023)]
    [InlineData("quý II năm 2023", 2, 2023)]
    [InlineData("Quý IV", 4, 2030)]
    [InlineData("Quý 3/2023", 3, 2023)]
    public void Quarters(string text, int quarter, int year) =>
        Assert.Equal(new DuePhrase(DuePhraseKind.Quarter, text, year, Quarter: quarter), DuePhraseParser.Parse(text, 2030));

    [Theory]
    [InlineData("trước ngày 15/3/2023")]
    [InlineData("Trước ngày 15 tháng 3 năm 2023")]
    [InlineData("chậm nhất ngày 15-03-2023")]
    [InlineData("15/3/2023")]
    [InlineData("Ngày 15/3/2023")]
    [InlineData("ngày 15 tháng 3 năm 2023")]
    public void Deadlines(string text) =>
        Assert.Equal(new DuePhrase(DuePhraseKind.BeforeDate, text, 2023, 3, Date: new DateOnly(2023, 3, 15)), DuePhraseParser.Parse(text));

    [Theory]
    [InlineData("6 tháng đầu năm 2023", 1)]
    [InlineData("6 tháng cuối năm 2023", 2)]
    [InlineData("sáu tháng đầu năm 2023", 1)]
    public void Half_years(string text, int half) =>
        Assert.Equal(new DuePhrase(DuePhraseKind.HalfYear, text, 2023, Half: half), DuePhraseParser.Parse(text));

    [Theory]
    [InlineData("năm 2023", 2023)]
    [InlineData("Trong năm 2023", 2023)]
    public void Years(string text, int year) =>
        Assert.Equal(new DuePhrase(DuePhraseKind.Year, text, year), DuePhraseParser.Parse(text, 2025));

    [Theory]
    [InlineData("thường xuyên")]
    [InlineData("Thường xuyên, liên tục")]
    [InlineData("Thường xuyên trong năm 2023")]
    [InlineData("Cả năm")]
    [InlineData("trong cả năm 2023")]
    public void Ongoing(string text) =>
        Assert.Equal(new DuePhrase(DuePhraseKind.Ongoing, text), DuePhraseParser.Parse(text));

    [Theory]
    [InlineData("hằng tháng", Recurrence.Monthly)]
    [InlineData("Hàng quý", Recurrence.Quarterly)]
    [InlineData("định kỳ hằng năm", Recurrence.Yearly)]
    [InlineData("hằng tuần", Recurrence.Weekly)]
    [InlineData("Hằng năm", Recurrence.Yearly)]
    [InlineData("mỗi tháng", Recurrence.Monthly)]
    [InlineData("định kỳ 6 tháng", Recurrence.HalfYearly)]
    [InlineData("6 tháng/lần", Recurrence.HalfYearly)]
    public void Recurring(string text, Recurrence every) =>
        Assert.Equal(new DuePhrase(DuePhraseKind.Recurring, text, Every: every), DuePhraseParser.Parse(text));

    [Theory]
    [InlineData("Tháng 5 hằng năm", Recurrence.Yearly, 5, null)]
    [InlineData("trong tháng 5 hàng năm", Recurrence.Yearly, 5, null)]
    [InlineData("Trước ngày 15/11 hằng năm", Recurrence.Yearly, 11, 15)]
    [InlineData("trước ngày 15 tháng 11 hằng năm", Recurrence.Yearly, 11, 15)]
    [InlineData("ngày 29/02 hằng năm", Recurrence.Yearly, 2, 29)]
    [InlineData("Trước ngày 20 hằng tháng", Recurrence.Monthly, null, 20)]
    [InlineData("ngày 31 hằng tháng", Recurrence.Monthly, null, 31)]
    public void Recurring_on_a_written_month_or_day(string text, Recurrence every, int? month, int? day) =>
        Assert.Equal(new DuePhrase(DuePhraseKind.Recurring, text, Month: month, Every: every, Day: day), DuePhraseParser.Parse(text, 2023));

    [Theory]
    [InlineData("Tháng 7 – 8/2023", "2023-07-01", "2023-08-31", 2023)]
    [InlineData("Tháng 7-8/2023", "2023-07-01", "2023-08-31", 2023)]
    [InlineData("Tháng 6, 7/2024", "2024-06-01", "2024-07-31", 2024)]
    [InlineData("tháng 6, 7 và 8 năm 2024", "2024-06-01", "2024-08-31", 2024)]
    [InlineData("từ tháng 3 đến tháng 5/2023", "2023-03-01", "2023-05-31", 2023)]
    [InlineData("Tháng 11/2023 - 02/2024", "2023-11-01", "2024-02-29", 2024)]
    [InlineData("tháng 7 - 8", "2025-07-01", "2025-08-31", 2025)]
    [InlineData("Quý II – III", "2025-04-01", "2025-09-30", 2025)]
    [InlineData("Quý II, III/2023", "2023-04-01", "2023-09-30", 2023)]
    [InlineData("Quý I - Quý II năm 2023", "2023-01-01", "2023-06-30", 2023)]
    [InlineData("Quý 3 - 4/2023", "2023-07-01", "2023-12-31", 2023)]
    [InlineData("2021 - 2025", "2021-01-01", "2025-12-31", 2025)]
    [InlineData("Giai đoạn 2021-2025", "2021-01-01", "2025-12-31", 2025)]
    [InlineData("năm 2023 - 2024", "2023-01-01", "2024-12-31", 2024)]
    [InlineData("Từ ngày 01/7 đến ngày 15/7/2023", "2023-07-01", "2023-07-15", 2023)]
    [InlineData("từ 20/12/2023 - 10/01/2024", "2023-12-20", "2024-01-10", 2024)]
    public void Ranges(string text, string from, string to, int year) =>
        Assert.Equal(new DuePhrase(DuePhraseKind.Range, text, year, From: DateOnly.Parse(from, CultureInfo.InvariantCulture), To: DateOnly.Parse(to, CultureInfo.InvariantCulture)),
            DuePhraseParser.Parse(text, 2025));

    [Fact]
    public void Decomposed_text_reads_like_composed_text() =>
        Assert.Equal(DuePhraseKind.MonthPart, DuePhraseParser.Parse("cuối tháng 02 năm 2023".Normalize(NormalizationForm.FormD)
            .Normalize(NormalizationForm.FormC))?.Kind);

    [Theory]
    [InlineData("02/01/2004-02/01/2024")]
    [InlineData("11/6/1948 – 11/6/2023")]
    [InlineData("đợt 1")]
    [InlineData("theo đề cương của Ban TĐKT Trung ương")]
    [InlineData("tháng 13/2023")]
    [InlineData("31/02/2023")]
    [InlineData("Tháng 8 – 7/2023")]
    [InlineData("Quý III - II")]
    [InlineData("Tháng 13 hằng năm")]
    [InlineData("Trước ngày 31/4 hằng năm")]
    [InlineData("Tháng 7 – 13/2023")]
    [InlineData("1948 – 2023")]
    [InlineData("2025 - 2021")]
    [InlineData("")]
    public void Not_due_phrases(string text) => Assert.Null(DuePhraseParser.Parse(text, 2023));

    [Theory]
    [InlineData("tháng 13/2023")]
    [InlineData("Quý V/2023")]
    [InlineData("ngày 32/1/2023")]
    [InlineData("trước ngày 31/4/2023")]
    public void Impossible_numbers_look_like_a_due_phrase(string text) => Assert.True(DuePhraseParser.LooksLikeDue(text));

    [Theory]
    [InlineData("đợt 1")]
    [InlineData("theo đề cương")]
    [InlineData("Cơ quan Thường trực Hội đồng TĐKT")]
    public void Remarks_do_not_look_like_a_due_phrase(string text) => Assert.False(DuePhraseParser.LooksLikeDue(text));

    [Fact]
    public void The_written_text_is_kept_beside_the_value() =>
        Assert.Equal("đầu tháng 02 /2023", DuePhraseParser.Parse(" đầu tháng 02 /2023. ")!.Text);
}
