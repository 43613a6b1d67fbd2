using PlanApi.Documents;

namespace PlanApi.Tests.Unit.Documents;

/// <summary>Names resolve inside the issuer's jurisdiction first, and another province's agencies only when the name says so.</summary>
public sealed class JurisdictionMatcherTests
{
    private static readonly MatchUnit CanTho = new("92", "Thành phố", "Cần Thơ");
    private static readonly MatchUnit NinhKieu = new("916", "Quận", "Ninh Kiều");
    private static readonly MatchUnit ThaiBinh = new("34", "Tỉnh", "Thái Bình");
    private static readonly MatchUnit KienXuong = new("343", "Huyện", "Kiến Xương");
    private static readonly MatchUnit VuThu = new("341", "Huyện", "Vũ Thư");
    private static readonly MatchUnit HaNoi = new("01", "Thành phố", "Hà Nội");

    private static readonly LocatedAgency[] Agencies =
    [
        new(new AgencyEntry("so-noi-vu-can-tho", "Sở Nội vụ thành phố Cần Thơ", "Sở Nội vụ", ["Sở Nội vụ"]), CanTho),
        new(new AgencyEntry("ban-tdkt-can-tho", "Ban Thi đua - Khen thưởng thành phố Cần Thơ", "Ban TĐKT thành phố", ["Ban TĐKT thành phố"]), CanTho),
        new(new AgencyEntry("ubnd-can-tho", "Ủy ban nhân dân thành phố Cần Thơ", "UBND thành phố", ["thành phố Cần Thơ"]), CanTho),
        new(new AgencyEntry("ninh-kieu", "Ủy ban nhân dân quận Ninh Kiều", "Quận Ninh Kiều", ["quận Ninh Kiều"]), NinhKieu),
        new(new AgencyEntry("ubnd-thai-binh", "Ủy ban nhân dân tỉnh Thái Bình", "UBND tỉnh"), ThaiBinh),
        new(new AgencyEntry("so-noi-vu-thai-binh", "Sở Nội vụ tỉnh Thái Bình", "Sở Nội vụ"), ThaiBinh),
        new(new AgencyEntry("ubnd-huyen-kien-xuong-thai-binh", "Ủy ban nhân dân huyện Kiến Xương"), KienXuong),
        new(new AgencyEntry("ubnd-huyen-vu-thu-thai-binh", "Ủy ban nhân dân huyện Vũ Thư", "UBND huyện"), VuThu),
        new(new AgencyEntry("ubnd-ha-noi", "Ủy ban nhân dân thành phố Hà Nội", "UBND thành phố Hà Nội"), HaNoi),
        new(new AgencyEntry("ban-tdkt-trung-uong", "Ban Thi đua - Khen thưởng Trung ương", "Ban TĐKT Trung ương"), null, CentralBody: true),
        // Made by an import before agencies had jurisdictions: nobody's, so it matches nothing.
        new(new AgencyEntry("so-tai-chinh", "Sở Tài chính"), null),
    ];

    private static JurisdictionMatcher Province(MatchUnit own, params MatchUnit[] below) => new(new MatchScope(own, [], below, []), Agencies);

    [Theory]
    [InlineData("Sở Nội vụ", "so-noi-vu-thai-binh")]
    [InlineData("Sở Nội vụ tỉnh Thái Bình", "so-noi-vu-thai-binh")]
    [InlineData("UBND tỉnh", "ubnd-thai-binh")]
    [InlineData("Ủy ban nhân dân tỉnh Thái Bình", "ubnd-thai-binh")]
    [InlineData("Ủy ban nhân dân thành phố Hà Nội", "ubnd-ha-noi")]
    [InlineData("Ban TĐKT TW", "ban-tdkt-trung-uong")]
    [InlineData("UBND huyện Kiến Xương", "ubnd-huyen-kien-xuong-thai-binh")]
    [InlineData("Ban TĐKT tỉnh", null)]
    [InlineData("Ban TĐKT thành phố", null)]
    [InlineData("UBND thành phố", null)]
    [InlineData("Sở Tài chính", null)]
    [InlineData("UBND huyện", null)]
    public void In_Thai_Binh(string name, string? code) => Assert.Equal(code, Province(ThaiBinh, KienXuong, VuThu).Resolve(name).Code);

    [Theory]
    [InlineData("Sở Nội vụ", "so-noi-vu-can-tho")]
    [InlineData("Ban TĐKT thành phố", "ban-tdkt-can-tho")]
    [InlineData("UBND TP Cần Thơ", "ubnd-can-tho")]
    [InlineData("Ủy ban nhân dân Cần Thơ", "ubnd-can-tho")]
    [InlineData("UBND quận Ninh Kiều", "ninh-kieu")]
    [InlineData("UBND tỉnh", null)]
    public void In_Can_Tho(string name, string? code) => Assert.Equal(code, Province(CanTho, NinhKieu).Resolve(name).Code);

    [Theory]
    [InlineData("UBND huyện", "ubnd-huyen-kien-xuong-thai-binh")]
    [InlineData("UBND tỉnh", "ubnd-thai-binh")]
    [InlineData("Sở Nội vụ", "so-noi-vu-thai-binh")]
    [InlineData("Ủy ban nhân dân huyện Vũ Thư", "ubnd-huyen-vu-thu-thai-binh")]
    [InlineData("Phòng Nội vụ", null)]
    public void In_a_district_of_Thai_Binh(string name, string? code)
    {
        var matcher = new JurisdictionMatcher(new MatchScope(KienXuong, [ThaiBinh], [], [VuThu]), Agencies);
        Assert.Equal(code, matcher.Resolve(name).Code);
    }

    [Theory]
    [InlineData("Phòng Nội vụ", "343")]
    [InlineData("Văn phòng HĐND và UBND huyện", "343")]
    [InlineData("Ban Tuyên giáo Tỉnh ủy", "34")]
    [InlineData("Ban TĐKT tỉnh", "34")]
    [InlineData("Sở Giáo dục và Đào tạo", "34")]
    [InlineData("Phòng Văn hóa huyện Vũ Thư", "341")]
    [InlineData("Chính phủ", null)]
    public void Unmatched_names_belong_to_the_unit_they_name(string name, string? home)
    {
        var match = new JurisdictionMatcher(new MatchScope(KienXuong, [ThaiBinh], [], [VuThu]), Agencies).Resolve(name);
        Assert.Null(match.Code);
        Assert.Equal((home, home is null), (match.Home?.Code, match.Central));
    }

    [Fact]
    public void Spellings_of_one_body_share_a_local_key()
    {
        var matcher = Province(ThaiBinh);
        var keys = new[] { "Ban TĐKT tỉnh", "Ban Thi đua - Khen thưởng tỉnh", "Ban Thi đua - Khen thưởng tỉnh Thái Bình", "BAN THI ĐUA - KHEN THƯỞNG" }
            .Select(n => matcher.Resolve(n).LocalKey).Distinct();
        Assert.Single(keys);
    }

    [Fact]
    public void Two_agencies_with_one_name_in_the_first_tier_are_ambiguous()
    {
        var matcher = new JurisdictionMatcher(new MatchScope(ThaiBinh, [], [], []),
            [.. Agencies, new(new AgencyEntry("so-noi-vu-thai-binh-2", "Sở Nội vụ"), ThaiBinh)]);
        var match = matcher.Resolve("Sở Nội vụ");
        Assert.Null(match.Code);
        Assert.Equal(["so-noi-vu-thai-binh", "so-noi-vu-thai-binh-2"], match.Ambiguous);
    }

    [Fact]
    public void A_central_issuer_matches_central_bodies_and_named_units_only()
    {
        var matcher = new JurisdictionMatcher(new MatchScope(null, [], [], [HaNoi]), Agencies);
        Assert.Equal("ban-tdkt-trung-uong", matcher.Resolve("Ban TĐKT Trung ương").Code);
        Assert.Equal("ubnd-ha-noi", matcher.Resolve("UBND thành phố Hà Nội").Code);
        Assert.Null(matcher.Resolve("Sở Nội vụ").Code);
        Assert.True(matcher.Resolve("Sở Nội vụ").Central);
    }
}
