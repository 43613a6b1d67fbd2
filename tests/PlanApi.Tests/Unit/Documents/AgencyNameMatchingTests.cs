using System.Text;
using PlanApi.Documents;

namespace PlanApi.Tests.Unit.Documents;

/// <summary>Names as a Cần Thơ plan writes them resolve to the seeded agency codes, however abbreviated or spelt.</summary>
public sealed class AgencyNameMatchingTests
{
    private static readonly SeedAgencies Agencies = SeedFiles.Agencies;

    private static readonly MatchUnit Unit = new("99", "Tỉnh", "Thử");

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
        var matcher = new JurisdictionMatcher(new MatchScope(Unit, [], [], []),
            [new(new AgencyEntry("so-tu-phap", "Sở Tư pháp"), Unit), new(new AgencyEntry("tu", "Ban Dân vận Trung ương"), null, CentralBody: true)]);
        Assert.Equal("so-tu-phap", matcher.Resolve("SỞ TƯ PHÁP").Code);
        Assert.Equal("tu", matcher.Resolve("Ban Dân vận TƯ").Code);
    }

    [Fact]
    public void A_name_shared_by_two_agencies_resolves_to_neither()
    {
        var matcher = new JurisdictionMatcher(new MatchScope(Unit, [], [], []),
            [new(new AgencyEntry("a", "Phòng Nội vụ", Aliases: ["Phòng NV"]), Unit), new(new AgencyEntry("b", "Phòng Nội vụ"), Unit)]);
        Assert.Equal(["a", "b"], matcher.Resolve("Phòng Nội vụ").Ambiguous);
        Assert.Equal("a", matcher.Resolve("Phòng NV").Code);
    }

    /// <summary>The issue: a Thái Bình plan's names went to Cần Thơ's agencies. Seen from Thái Bình, none of them does.</summary>
    [Theory]
    [InlineData("md")]
    [InlineData("docx")]
    public void Seen_from_Thai_Binh_no_name_of_a_Thai_Binh_plan_is_Can_Tho_s(string form)
    {
        var document = form == "md"
            ? SeedFiles.ReadText(SeparateColumnsPlan.Markdown(), "plan.md")
            : PlanDocumentReader.Read(new MemoryStream(SeparateColumnsPlan.Docx()), "plan.docx");
        var thaiBinh = SeedAgencies.MatcherFor("34");
        var resolved = document.AgencyNames().Distinct().ToDictionary(n => n, n => thaiBinh.Resolve(n));
        Assert.Contains("Ban Thi đua - Khen thưởng tỉnh", resolved.Keys);
        Assert.Contains("Sở Nội vụ", resolved.Keys);
        // The only match is the national issuer of a legal basis, a central body: no Cần Thơ agency.
        Assert.All(resolved.Where(r => r.Key != "Chính phủ"), r => Assert.Null(r.Value.Code));
        Assert.Equal(("chinh-phu", true), (resolved["Chính phủ"].Code, resolved["Chính phủ"].Central));
        Assert.All(resolved.Where(r => r.Key != "Chính phủ"), r => Assert.Equal("34", r.Value.Home?.Code));
        // The same names in Cần Thơ's plan are Cần Thơ's.
        Assert.Equal("so-noi-vu-can-tho", Agencies.Resolve("Sở Nội vụ"));
    }
}
