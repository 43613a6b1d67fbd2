using PlanApi.Domain;
using PlanApi.Features.Import;

namespace PlanApi.Tests.Unit;

/// <summary>The code, name and kind an unmatched name gets: always with its jurisdiction.</summary>
public sealed class ProvisionalAgenciesTests
{
    private static readonly HomeUnit ThaiBinh = new(new AdministrativeUnit
    {
        Code = "34", Level = UnitLevel.Province, Name = "Thái Bình", FullName = "Tỉnh Thái Bình", Type = "Tỉnh", ProvinceCode = "34",
    }, "Thái Bình");

    private static readonly HomeUnit KienXuong = new(new AdministrativeUnit
    {
        Code = "343", Level = UnitLevel.District, Name = "Kiến Xương", FullName = "Huyện Kiến Xương", Type = "Huyện", ProvinceCode = "34",
    }, "Thái Bình");

    private static readonly HomeUnit CanTho = new(new AdministrativeUnit
    {
        Code = "92", Level = UnitLevel.Province, Name = "Cần Thơ", FullName = "Thành phố Cần Thơ", Type = "Thành phố", ProvinceCode = "92",
    }, "Cần Thơ");

    [Theory]
    [InlineData("Sở Nội vụ", "so-noi-vu-thai-binh", "Sở Nội vụ tỉnh Thái Bình")]
    [InlineData("Ban TĐKT tỉnh", "ban-tdkt-thai-binh", "Ban TĐKT tỉnh Thái Bình")]
    [InlineData("Ban Tuyên giáo Tỉnh ủy", "ban-tuyen-giao-tinh-uy-thai-binh", "Ban Tuyên giáo Tỉnh ủy Thái Bình")]
    [InlineData("Báo Thái Bình", "bao-thai-binh", "Báo Thái Bình")]
    [InlineData("Đài Phát thanh và Truyền hình tỉnh", "dai-phat-thanh-va-truyen-hinh-thai-binh", "Đài Phát thanh và Truyền hình tỉnh Thái Bình")]
    [InlineData("ỦY BAN NHÂN DÂN TỈNH THÁI BÌNH", "ubnd-thai-binh", "Ủy ban nhân dân tỉnh Thái Bình")]
    [InlineData("UBND tỉnh", "ubnd-thai-binh", "UBND tỉnh Thái Bình")]
    [InlineData("HĐND tỉnh Thái Bình", "hdnd-thai-binh", "HĐND tỉnh Thái Bình")]
    [InlineData("Văn phòng UBND tỉnh", "van-phong-ubnd-thai-binh", "Văn phòng UBND tỉnh Thái Bình")]
    public void In_a_province(string written, string code, string name) =>
        Assert.Equal((code, name), (ProvisionalAgencies.CodeFor(written, ThaiBinh), ProvisionalAgencies.NameFor(written, ThaiBinh)));

    [Theory]
    [InlineData("UBND HUYỆN KIẾN XƯƠNG", "ubnd-huyen-kien-xuong-thai-binh", "Ủy ban nhân dân huyện Kiến Xương")]
    [InlineData("Phòng Nội vụ", "phong-noi-vu-huyen-kien-xuong-thai-binh", "Phòng Nội vụ huyện Kiến Xương")]
    [InlineData("Văn phòng HĐND và UBND huyện", "van-phong-hdnd-va-ubnd-huyen-kien-xuong-thai-binh", "Văn phòng HĐND và UBND huyện Kiến Xương")]
    public void In_a_district(string written, string code, string name) =>
        Assert.Equal((code, name), (ProvisionalAgencies.CodeFor(written, KienXuong), ProvisionalAgencies.NameFor(written, KienXuong)));

    [Theory]
    [InlineData("Cổng TTĐT TP", "cong-ttdt-can-tho", "Cổng TTĐT TP Cần Thơ")]
    [InlineData("Sở Nội vụ thành phố Cần Thơ", "so-noi-vu-can-tho", "Sở Nội vụ thành phố Cần Thơ")]
    public void In_a_city_province(string written, string code, string name) =>
        Assert.Equal((code, name), (ProvisionalAgencies.CodeFor(written, CanTho), ProvisionalAgencies.NameFor(written, CanTho)));

    [Theory]
    [InlineData("Vụ Thi đua - Khen thưởng", "vu-thi-dua-khen-thuong-trung-uong")]
    [InlineData("Ban Tuyên giáo Trung ương", "ban-tuyen-giao-trung-uong")]
    public void Central_bodies(string written, string code) =>
        Assert.Equal((code, written), (ProvisionalAgencies.CodeFor(written, null), ProvisionalAgencies.NameFor(written, null)));

    [Theory]
    [InlineData("UBND xã Trà Giang", AgencyKind.Government)]
    [InlineData("Ủy ban nhân dân tỉnh", AgencyKind.Government)]
    [InlineData("HĐND tỉnh", AgencyKind.Council)]
    [InlineData("Hội đồng Thi đua - Khen thưởng tỉnh", AgencyKind.Council)]
    [InlineData("Ban Tuyên giáo Tỉnh ủy", AgencyKind.PartyBody)]
    [InlineData("Huyện ủy Kiến Xương", AgencyKind.PartyBody)]
    [InlineData("Ban Tuyên giáo TU", AgencyKind.PartyBody)]
    [InlineData("Báo Thái Bình", AgencyKind.Press)]
    [InlineData("Đài Phát thanh và Truyền hình tỉnh", AgencyKind.Press)]
    [InlineData("Cổng thông tin điện tử tỉnh", AgencyKind.Press)]
    [InlineData("Ủy ban MTTQ Việt Nam tỉnh", AgencyKind.MassOrganisation)]
    [InlineData("Hội Nông dân tỉnh", AgencyKind.MassOrganisation)]
    [InlineData("Tỉnh đoàn", AgencyKind.MassOrganisation)]
    [InlineData("Liên đoàn Lao động tỉnh", AgencyKind.MassOrganisation)]
    [InlineData("Đoàn đại biểu Quốc hội tỉnh", AgencyKind.Department)]
    [InlineData("Sở Nội vụ", AgencyKind.Department)]
    [InlineData("Văn phòng UBND tỉnh", AgencyKind.Department)]
    [InlineData("Công an tỉnh", AgencyKind.Department)]
    public void Kinds_read_from_names(string name, AgencyKind kind) => Assert.Equal(kind, ProvisionalAgencies.KindFor(name, central: false));

    [Fact]
    public void A_central_plan_s_agencies_are_central_bodies() => Assert.Equal(AgencyKind.CentralBody, ProvisionalAgencies.KindFor("Sở Nội vụ", central: true));
}
