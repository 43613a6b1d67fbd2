using System.Text;
using PlanApi.Domain;

namespace PlanApi.Tests.Unit;

/// <summary>Diacritics-insensitive, case-insensitive matching keys for Vietnamese text.</summary>
public sealed class SearchTextTests
{
    [Theory]
    [InlineData("Thi đua", "thi dua")]
    [InlineData("TĐ-KT", "tdkt")]
    [InlineData("TĐKT", "tdkt")]
    [InlineData("Ninh Kiều", "ninh kieu")]
    [InlineData("Ban Thi đua - Khen thưởng", "ban thi dua khen thuong")]
    [InlineData("ĐẦU THÁNG", "dau thang")]
    [InlineData("Ô Môn", "o mon")]
    [InlineData("Cờ Đỏ", "co do")]
    [InlineData("HĐ.TĐKT", "hdtdkt")]
    [InlineData("244/KH-UBND", "244 khubnd")]
    [InlineData("  Sở   Nội vụ  ", "so noi vu")]
    [InlineData("Sở GD&ĐT", "so gd dt")]
    public void Folds_case_diacritics_and_punctuation(string text, string folded) =>
        Assert.Equal(folded, SearchText.Fold(text));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\n")]
    public void Blank_folds_to_empty(string? text) => Assert.Equal("", SearchText.Fold(text));

    [Theory]
    [InlineData("Thi đua - Khen thưởng")]
    [InlineData("Ninh Kiều")]
    [InlineData("Khen thưởng")]
    [InlineData("Thới Lai, Vĩnh Thạnh, Phong Điền")]
    public void Decomposed_input_folds_like_composed(string composed)
    {
        var decomposed = composed.Normalize(NormalizationForm.FormD);
        Assert.NotEqual(composed, decomposed);
        Assert.Equal(SearchText.Fold(composed), SearchText.Fold(decomposed));
    }

    [Theory]
    [InlineData("Ninh Kiều", "ninh kieu")]
    [InlineData("Thi đua", "thi dua")]
    [InlineData("TĐ-KT", "tdkt")]
    [InlineData("Phong Điền", "phong dien")]
    public void Decomposed_input_folds_to_the_same_key(string composed, string folded) =>
        Assert.Equal(folded, SearchText.Fold(composed.Normalize(NormalizationForm.FormD)));
}
