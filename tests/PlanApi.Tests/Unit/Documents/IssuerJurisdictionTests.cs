using PlanApi.Documents;
using PlanApi.Documents.Agencies;

namespace PlanApi.Tests.Unit.Documents;

/// <summary>The issuer's jurisdiction as headings write it: a locality (level and name, with the ones above it), or the centre.</summary>
public sealed class IssuerJurisdictionTests
{
    private const string Body = """

        KẾ HOẠCH
        Công tác thi đua, khen thưởng năm 2024

        TT	Nội dung	Đơn vị thực hiện
        1	Tổ chức hội nghị (tháng 3)	Sở Nội vụ chủ trì
        """;

    private static IssuerJurisdiction Read(string heading, string place = "Thái Bình") =>
        SeedFiles.ReadText($"{heading}\nSố: 12/KH-UBND\n{place}, ngày 05 tháng 01 năm 2024\n{Body}").Header.Jurisdiction;

    [Theory]
    [InlineData("ỦY BAN NHÂN DÂN\nTỈNH THÁI BÌNH", "Tỉnh Thái Bình")]
    [InlineData("UBND TỈNH THÁI BÌNH\nSỞ NỘI VỤ", "Tỉnh Thái Bình")]
    [InlineData("UBND TỈNH THÁI BÌNH\nUBND HUYỆN KIẾN XƯƠNG", "Huyện Kiến Xương|Tỉnh Thái Bình")]
    [InlineData("UBND TỈNH THÁI BÌNH\nỦY BAN NHÂN DÂN\nTHÀNH PHỐ THÁI BÌNH", "Thành phố Thái Bình|Tỉnh Thái Bình")]
    [InlineData("UBND HUYỆN KIẾN XƯƠNG, TỈNH THÁI BÌNH", "Huyện Kiến Xương|Tỉnh Thái Bình")]
    [InlineData("TỈNH ỦY NGHỆ AN", "Tỉnh Nghệ An")]
    [InlineData("THÀNH ỦY CẦN THƠ\tĐẢNG CỘNG SẢN VIỆT NAM", "Thành phố Cần Thơ")]
    [InlineData("HUYỆN ỦY HƯNG NGUYÊN\nĐẢNG ỦY XÃ HƯNG LỘC", "Xã Hưng Lộc|Huyện Hưng Nguyên")]
    [InlineData("TỈNH ĐOÀN THÁI BÌNH", "Tỉnh Thái Bình")]
    [InlineData("UBND PHƯỜNG NINH KIỀU", "Phường Ninh Kiều")]
    [InlineData("ỦY BAN NHÂN DÂN\nTHÀNH PHỐ CẦN THƠ", "Thành phố Cần Thơ")]
    [InlineData("UBND TP. HỒ CHÍ MINH\nUBND QUẬN 1", "Quận 1|Thành phố Hồ Chí Minh")]
    [InlineData("ỦY BAN NHÂN DÂN\nĐẶC KHU PHÚ QUỐC", "Đặc khu Phú Quốc")]
    [InlineData("UBND TỈNH NGHỆ AN\nSỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", "Tỉnh Nghệ An")]
    [InlineData("UBND TỈNH THÁI BÌNH\nBAN QUẢN LÝ CÁC KHU CÔNG NGHIỆP", "Tỉnh Thái Bình")]
    public void A_heading_names_its_locality_and_the_ones_above_it(string heading, string expected)
    {
        var jurisdiction = Read(heading);
        Assert.Equal(JurisdictionSource.Heading, jurisdiction.Source);
        Assert.Equal(expected, string.Join("|", jurisdiction.Localities.Select(l => $"{l.Type} {l.Name}")));
    }

    [Theory]
    [InlineData("BỘ NỘI VỤ\nBAN THI ĐUA - KHEN THƯỞNG TRUNG ƯƠNG")]
    [InlineData("BỘ GIÁO DỤC VÀ ĐÀO TẠO")]
    [InlineData("THỦ TƯỚNG CHÍNH PHỦ")]
    [InlineData("VĂN PHÒNG CHÍNH PHỦ")]
    [InlineData("HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG TRUNG ƯƠNG")]
    [InlineData("BẢO HIỂM XÃ HỘI VIỆT NAM")]
    public void Central_issuers_have_no_locality(string heading) => Assert.True(Read(heading, "Hà Nội").IsCentral);

    [Fact]
    public void A_provincial_body_under_a_ministry_is_local() =>
        Assert.Equal(new LocalityReference("Tỉnh", "Nghệ An"), Read("BỘ QUỐC PHÒNG\nBỘ CHỈ HUY QUÂN SỰ TỈNH NGHỆ AN").Localities.Single());

    [Fact]
    public void A_level_without_a_name_takes_the_place_of_the_date_line()
    {
        var jurisdiction = Read("UBND TỈNH\nVĂN PHÒNG");
        Assert.Equal(JurisdictionSource.Place, jurisdiction.Source);
        Assert.Equal(new LocalityReference("Tỉnh", "Thái Bình"), jurisdiction.Localities.Single());
    }

    [Fact]
    public void No_issuer_lines_leave_the_place_without_a_level()
    {
        var jurisdiction = SeedFiles.ReadText(SeedFiles.SeedText).Header.Jurisdiction;
        Assert.Equal(JurisdictionSource.Place, jurisdiction.Source);
        Assert.Equal(new LocalityReference(null, "Cần Thơ"), jurisdiction.Localities.Single());
    }

    [Fact]
    public void An_issuer_without_locality_or_parent_falls_back_on_the_place()
    {
        var jurisdiction = Read("SỞ NỘI VỤ", "Nghệ An");
        Assert.Equal((JurisdictionSource.Place, new LocalityReference(null, "Nghệ An")), (jurisdiction.Source, jurisdiction.Localities.Single()));
    }

    [Theory]
    [InlineData("Ban Tuyên giáo Tỉnh ủy", "Tỉnh ")]
    [InlineData("Ban TĐKT tỉnh (Cơ quan Thường trực)", "Tỉnh ")]
    [InlineData("UBND huyện Vũ Thư", "Huyện Vũ Thư")]
    [InlineData("Ủy ban nhân dân thành phố Hà Nội", "Thành phố Hà Nội")]
    [InlineData("Sở Nội vụ thành phố", "Thành phố ")]
    [InlineData("Sở Lao động - Thương binh và Xã hội", "")]
    [InlineData("Ban Quản lý dự án", "")]
    [InlineData("Hội Cựu chiến binh xã hội chủ nghĩa", "")]
    [InlineData("Cụm thi đua các quận trung tâm", "Quận ")]
    public void Localities_in_agency_names(string name, string expected) =>
        Assert.Equal(expected, string.Join("|", Localities.Find(name).Select(l => $"{l.Type} {l.Name}")));

    [Theory]
    [InlineData("Chính phủ", true)]
    [InlineData("Thủ tướng Chính phủ", true)]
    [InlineData("Bộ Chính trị", true)]
    [InlineData("Bộ Nội vụ", true)]
    [InlineData("Ban TĐKT TW", true)]
    [InlineData("Tổng Liên đoàn Lao động Việt Nam", true)]
    [InlineData("Bộ Chỉ huy Quân sự tỉnh", false)]
    [InlineData("Ủy ban MTTQ Việt Nam tỉnh Thái Bình", false)]
    [InlineData("Sở Nội vụ", false)]
    [InlineData("Ban Tuyên giáo Tỉnh ủy", false)]
    public void Central_bodies_by_name(string name, bool central) => Assert.Equal(central, Localities.IsCentralBody(name));
}
