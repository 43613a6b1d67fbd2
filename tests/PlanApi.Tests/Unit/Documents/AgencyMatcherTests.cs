using System.Text;
using PlanApi.Documents;

namespace PlanApi.Tests.Unit.Documents;

/// <summary>Names as plans write them resolve to the seeded agency codes.</summary>
public sealed class AgencyMatcherTests
{
    private static readonly AgencyMatcher Agencies = SeedFiles.Agencies;

    [Theory]
    [InlineData("Ban TĐKT thành phố", "ban-tdkt-can-tho")]
    [InlineData("Ban Thi đua - Khen thưởng thành phố", "ban-tdkt-can-tho")]
    [InlineData("ban thi dua khen thuong thanh pho", "ban-tdkt-can-tho")]
    [InlineData("BAN THI ĐUA - KHEN THƯỞNG THÀNH PHỐ CẦN THƠ", "ban-tdkt-can-tho")]
    [InlineData("Ban TĐKT thành phố (Cơ quan Thường trực Hội đồng TĐKT)", "ban-tdkt-can-tho")]
    [InlineData("Ban TĐ-KT Trung ương", "ban-tdkt-trung-uong")]
    [InlineData("Ban TĐKT TW", "ban-tdkt-trung-uong")]
    [InlineData("Ban TĐKT TƯ", "ban-tdkt-trung-uong")]
    [InlineData("Ban Tuyên giáo TU", "ban-tuyen-giao-thanh-uy-can-tho")]
    [InlineData("Ban Tuyên giáo TU Cần Thơ", "ban-tuyen-giao-thanh-uy-can-tho")]
    [InlineData("Sở GD&ĐT", "so-gddt-can-tho")]
    [InlineData("Sở GDĐT thành phố", "so-gddt-can-tho")]
    [InlineData("Sở Giáo dục Đào tạo", "so-gddt-can-tho")]
    [InlineData("UBND TP Cần Thơ", "ubnd-can-tho")]
    [InlineData("Ủy ban nhân dân Cần Thơ", "ubnd-can-tho")]
    [InlineData("Uỷ ban nhân dân thành phố", "ubnd-can-tho")]
    [InlineData("HĐND thành phố Cần Thơ", "hdnd-can-tho")]
    [InlineData("Thành viên HĐ.TĐKT thành phố", null)]
    [InlineData("HĐ.TĐKT thành phố", "hd-tdkt-can-tho")]
    [InlineData("Hội đồng TĐKT", "hd-tdkt-can-tho")]
    [InlineData("UBND quận Ninh Kiều", "ninh-kieu")]
    [InlineData("Ủy ban nhân dân huyện Cờ Đỏ", "co-do")]
    [InlineData("Công TTĐT TP", "cong-ttdt-can-tho")]
    [InlineData("Cổng thông tin điện tử TP", "cong-ttdt-can-tho")]
    [InlineData("Sở Tài chính", null)]
    [InlineData("", null)]
    public void Resolves(string name, string? code) => Assert.Equal(code, Agencies.Resolve(name));

    [Fact]
    public void Decomposed_unicode_matches() =>
        Assert.Equal("so-gddt-can-tho", Agencies.Resolve("Sở Giáo dục và Đào tạo".Normalize(NormalizationForm.FormD)));

    [Fact]
    public void In_a_name_written_in_capitals_tu_is_a_word_not_an_abbreviation()
    {
        var matcher = new AgencyMatcher([new AgencyEntry("so-tu-phap", "Sở Tư pháp"), new AgencyEntry("tu", "Ban Dân vận Trung ương")]);
        Assert.Equal("so-tu-phap", matcher.Resolve("SỞ TƯ PHÁP"));
        Assert.Equal("tu", matcher.Resolve("Ban Dân vận TƯ"));
    }

    [Fact]
    public void A_name_shared_by_two_agencies_resolves_to_neither()
    {
        var matcher = new AgencyMatcher([new AgencyEntry("a", "Phòng Nội vụ", Aliases: ["Phòng NV"]), new AgencyEntry("b", "Phòng Nội vụ")]);
        Assert.Null(matcher.Resolve("Phòng Nội vụ"));
        Assert.Equal("a", matcher.Resolve("Phòng NV"));
    }

    [Fact]
    public void Unmatched_names_are_listed_once_in_order()
    {
        var document = SeedFiles.ReadText(SeparateColumnsPlan.Markdown(), "plan.md");
        var unmatched = Agencies.Unmatched(document);
        Assert.Equal("ỦY BAN NHÂN DÂN TỈNH THÁI BÌNH", unmatched[0]);
        Assert.Equal(unmatched.Count, unmatched.Distinct().Count());
        Assert.Contains("Sở Tài chính", unmatched);
        Assert.DoesNotContain("Ban TĐKT thành phố", unmatched);
    }
}
