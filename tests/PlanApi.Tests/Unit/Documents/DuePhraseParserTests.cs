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
        Assert.Equal(new DuePhrase(DueKind.Month, text, year, month, MonthPart.Whole), DuePhraseParser.Parse(text, 2024));

    [Theory]
    [InlineData("đầu tháng 02 /2023", MonthPart.Early)]
    [InlineData("giữa tháng 02 năm 2023", MonthPart.Mid)]
    [InlineData("cuối tháng 02 năm 2023", MonthPart.Late)]
    [InlineData("Cuối Tháng 02/2023", MonthPart.Late)]
    public void Parts_of_a_month(string text, MonthPart part) =>
        Assert.Equal(new DuePhrase(DueKind.MonthPart, text, 2023, 2, part), DuePhraseParser.Parse(text));

    [Theory]
    [InlineData("Quý I/2023", 1, 2023)]
    [InlineData("quý II năm 2023", 2, 2023)]
    [InlineData("Quý IV", 4, 2030)]
    [InlineData("Quý 3/2023", 3, 2023)]
    public void Quarters(string text, int quarter, int year) =>
        Assert.Equal(new DuePhrase(DueKind.Quarter, text, year, Quarter: quarter), DuePhraseParser.Parse(text, 2030));

    [Theory]
    [InlineData("trước ngày 15/3/2023")]
    [InlineData("Trước ngày 15 tháng 3 năm 2023")]
    [InlineData("chậm nhất ngày 15-03-2023")]
    [InlineData("15/3/2023")]
    public void Deadlines(string text) =>
        Assert.Equal(new DuePhrase(DueKind.BeforeDate, text, 2023, 3, Date: new DateOnly(2023, 3, 15)), DuePhraseParser.Parse(text));

    [Theory]
    [InlineData("6 tháng đầu năm 2023", 1)]
    [InlineData("6 tháng cuối năm 2023", 2)]
    [InlineData("sáu tháng đầu năm 2023", 1)]
    public void Half_years(string text, int half) =>
        Assert.Equal(new DuePhrase(DueKind.HalfYear, text, 2023, Half: half), DuePhraseParser.Parse(text));

    [Theory]
    [InlineData("năm 2023", 2023)]
    [InlineData("Trong năm 2023", 2023)]
    [InlineData("Cả năm", 2025)]
    public void Years(string text, int year) =>
        Assert.Equal(new DuePhrase(DueKind.Year, text, year), DuePhraseParser.Parse(text, 2025));

    [Theory]
    [InlineData("thường xuyên")]
    [InlineData("Thường xuyên, liên tục")]
    [InlineData("Thường xuyên trong năm 2023")]
    public void Ongoing(string text) =>
        Assert.Equal(new DuePhrase(DueKind.Ongoing, text), DuePhraseParser.Parse(text));

    [Theory]
    [InlineData("hằng tháng", Recurrence.Monthly)]
    [InlineData("Hàng quý", Recurrence.Quarterly)]
    [InlineData("định kỳ hằng năm", Recurrence.Yearly)]
    [InlineData("hằng tuần", Recurrence.Weekly)]
    public void Recurring(string text, Recurrence every) =>
        Assert.Equal(new DuePhrase(DueKind.Recurring, text, Every: every), DuePhraseParser.Parse(text));

    [Fact]
    public void Decomposed_text_reads_like_composed_text() =>
        Assert.Equal(DueKind.MonthPart, DuePhraseParser.Parse("cuối tháng 02 năm 2023".Normalize(NormalizationForm.FormD)
            .Normalize(NormalizationForm.FormC))?.Kind);

    [Theory]
    [InlineData("02/01/2004-02/01/2024")]
    [InlineData("11/6/1948 – 11/6/2023")]
    [InlineData("đợt 1")]
    [InlineData("theo đề cương của Ban TĐKT Trung ương")]
    [InlineData("tháng 13/2023")]
    [InlineData("31/02/2023")]
    [InlineData("")]
    public void Not_due_phrases(string text) => Assert.Null(DuePhraseParser.Parse(text, 2023));

    [Fact]
    public void The_written_text_is_kept_beside_the_value() =>
        Assert.Equal("đầu tháng 02 /2023", DuePhraseParser.Parse(" đầu tháng 02 /2023. ")!.Text);
}
