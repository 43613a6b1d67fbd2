using PlanApi.Documents;

namespace PlanApi.Tests.Unit.Documents;

/// <summary>Heading and legal-basis variants as different issuers write them.</summary>
public sealed class HeaderTests
{
    private const string Body = """

        KẾ HOẠCH
        Triển khai công tác thi đua, khen thưởng năm 2024

        Căn cứ Quyết định số 16/2018/QĐ-UBND ngày 08/8/2018 của Ủy ban nhân dân thành phố Cần Thơ ban hành Quy chế thi đua, khen thưởng;

        TT	Nội dung	Đơn vị thực hiện
        1	Tổ chức hội nghị (tháng 3)	Sở Nội vụ chủ trì
        """;

    private static PlanDocument Read(string heading) => SeedFiles.ReadText(heading + Body);

    [Fact]
    public void Issuer_on_two_lines_with_the_province()
    {
        var header = Read("ỦY BAN NHÂN DÂN\nTỈNH THÁI BÌNH\nSố: 45/KH-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nThái Bình, ngày 16 tháng 02 năm 2023").Header;
        Assert.Equal(("ỦY BAN NHÂN DÂN TỈNH THÁI BÌNH", false, null), (header.IssuerName, header.IssuerImplied, header.ParentIssuerName));
        Assert.Equal(("45/KH-UBND", "KH", "UBND"), (header.Number, header.DocumentType, header.IssuerSymbol));
        Assert.Equal(("Thái Bình", new DateOnly(2023, 2, 16)), (header.Place, header.IssuedOn));
        Assert.Equal(("Triển khai công tác thi đua, khen thưởng năm 2024", 2024), (header.Title, header.PlanYear));
    }

    [Fact]
    public void A_department_under_its_province()
    {
        var header = Read("UBND TỈNH THÁI BÌNH\nSỞ NỘI VỤ\nSố: 12/KH-SNV\nThái Bình, ngày 05 tháng 01 năm 2024").Header;
        Assert.Equal(("SỞ NỘI VỤ", "UBND TỈNH THÁI BÌNH"), (header.IssuerName, header.ParentIssuerName));
        Assert.Equal(("12/KH-SNV", "SNV"), (header.Number, header.IssuerSymbol));
    }

    [Fact]
    public void Heading_typed_beside_the_national_motto()
    {
        var header = Read("""
            ỦY BAN NHÂN DÂN              CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
            TỈNH THÁI BÌNH                   Độc lập - Tự do - Hạnh phúc
            Số: 45 / KH-UBND           Thái Bình, ngày 16 tháng 02 năm 2023
            """).Header;
        Assert.Equal("ỦY BAN NHÂN DÂN TỈNH THÁI BÌNH", header.IssuerName);
        Assert.Equal(("45/KH-UBND", "Thái Bình", new DateOnly(2023, 2, 16)), (header.Number, header.Place, header.IssuedOn));
    }

    [Fact]
    public void Heading_as_a_two_column_text_table()
    {
        var header = Read("ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTHÀNH PHỐ CẦN THƠ\tĐộc lập - Tự do - Hạnh phúc\nSố: 244/KH-UBND\tCần Thơ, ngày 20 tháng 12 năm 2022").Header;
        Assert.Equal("ỦY BAN NHÂN DÂN THÀNH PHỐ CẦN THƠ", header.IssuerName);
        Assert.Equal("ubnd-can-tho", SeedFiles.Agencies.Resolve(header.IssuerName));
        Assert.Equal(("244/KH-UBND", new DateOnly(2022, 12, 20)), (header.Number, header.IssuedOn));
    }

    [Fact]
    public void A_draft_with_blank_number_and_day_is_read_with_warnings()
    {
        var document = Read("UBND TỈNH THÁI BÌNH\nSố:      /KH-UBND\nThái Bình, ngày      tháng 02 năm 2023");
        Assert.Null(document.Header.Number);
        Assert.Equal("KH", document.Header.DocumentType);
        Assert.Null(document.Header.IssuedOn);
        Assert.Equal("Thái Bình", document.Header.Place);
        Assert.Equal(2, document.Warnings.Count);
    }

    [Fact]
    public void A_due_month_without_year_takes_the_plan_year()
    {
        var item = Read("Số: 1/KH-UBND").Items.Single();
        Assert.Equal(new DuePhrase(DuePhraseKind.Month, "tháng 3", 2024, 3, DuePhraseMonthPart.Whole), item.Due);
        Assert.Equal("Tổ chức hội nghị", item.Content);
    }

    [Fact]
    public void Legal_basis_with_a_slashed_date_and_an_issuer_before_ban_hanh()
    {
        var basis = Read("Số: 1/KH-UBND").LegalBases.Single();
        Assert.Equal(("16/2018/QĐ-UBND", "QĐ", new DateOnly(2018, 8, 8)), (basis.Number, basis.DocumentType, basis.Date));
        Assert.Equal("Ủy ban nhân dân thành phố Cần Thơ", basis.IssuerName);
        Assert.Equal("ban hành Quy chế thi đua, khen thưởng", basis.Title);
    }

    [Fact]
    public void A_paragraph_citing_several_documents_is_split_at_each()
    {
        var document = SeedFiles.ReadText("Số: 1/KH-UBND\n\nKẾ HOẠCH\nThi đua năm 2024\n\n"
            + "Thực hiện Kế hoạch số 05/KH-BTĐKT ngày 10/01/2024 của Ban TĐKT Trung ương, Công văn số 120/UBND-NC ngày 12 tháng 01 năm 2024 của UBND tỉnh về việc hướng dẫn Quyết định số 16/2018/QĐ-UBND;\n\n"
            + "TT\tNội dung\tĐơn vị thực hiện\n1\tTổ chức hội nghị\tSở Nội vụ chủ trì\n");
        Assert.Equal(["05/KH-BTĐKT", "120/UBND-NC"], document.LegalBases.Select(b => b.Number));
        Assert.Equal(["Ban TĐKT Trung ương", "UBND tỉnh"], document.LegalBases.Select(b => b.IssuerName));
        Assert.Equal("về việc hướng dẫn Quyết định số 16/2018/QĐ-UBND", document.LegalBases[1].Title);
        Assert.Equal(["KH", "CV"], document.LegalBases.Select(b => b.DocumentType));
    }

    [Fact]
    public void A_web_copy_with_the_number_on_its_own_line_a_title_in_capitals_and_the_preamble_inside_the_legal_basis()
    {
        var document = SeedFiles.ReadText("""
            ỦY BAN NHÂN DÂN
            TỈNH HÀ TĨNH
            -------
            -
            CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
            Độc lập - Tự do - Hạnh phúc
            ---------------
            Số:
            312/KH-UBND
            Hà Tĩnh, ngày 05 tháng 3 năm 2022

            KẾ HOẠCH
            THỰC HIỆN CHỈ THỊ SỐ 08/CT-TTG NGÀY 02 THÁNG 3 NĂM 2022 CỦA THỦ TƯỚNG CHÍNH PHỦ VỀ PHONG TRÀO THI ĐUA

            Thực hiện Chỉ thị số 08/CT-TTg ngày 02/3/2022 của Thủ tướng Chính phủ về phong trào thi đua năm 2022 và Kế hoạch số 21/KH-HĐTĐKT ngày 04/3/2022 của Hội đồng Thi đua - Khen thưởng Trung ương, Ủy ban nhân dân tỉnh Hà Tĩnh ban hành Kế hoạch thực hiện như sau:

            TT	Nội dung	Đơn vị thực hiện
            1	Tổ chức hội nghị	Sở Nội vụ chủ trì
            """);
        var header = document.Header;
        Assert.Equal(("ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH", "312/KH-UBND", "Hà Tĩnh", new DateOnly(2022, 3, 5)),
            (header.IssuerName, header.Number, header.Place, header.IssuedOn));
        Assert.StartsWith("THỰC HIỆN CHỈ THỊ SỐ 08/CT-TTG", header.Title);
        Assert.Equal(2022, header.PlanYear);

        Assert.Equal(["08/CT-TTg", "21/KH-HĐTĐKT"], document.LegalBases.Select(b => b.Number));
        Assert.Equal(["Thủ tướng Chính phủ", "Hội đồng Thi đua - Khen thưởng Trung ương"], document.LegalBases.Select(b => b.IssuerName));
        Assert.Equal("về phong trào thi đua năm 2022", document.LegalBases[0].Title);
        Assert.Null(document.LegalBases[1].Title);
        Assert.Equal("Ủy ban nhân dân tỉnh Hà Tĩnh ban hành Kế hoạch thực hiện như sau:", document.Preamble);
    }

    [Fact]
    public void Party_numbering_puts_the_type_before_the_slash()
    {
        var document = SeedFiles.ReadText("THÀNH ỦY CẦN THƠ\nSố 45-KH/TU\nCần Thơ, ngày 02 tháng 01 năm 2024\n\nKẾ HOẠCH\nThi đua năm 2024\n\n"
            + "Căn cứ Chỉ thị số 34-CT/TW ngày 07/4/2014 của Bộ Chính trị về tiếp tục đổi mới công tác thi đua, khen thưởng;\n\n"
            + "TT\tNội dung\tĐơn vị thực hiện\n1\tTổ chức hội nghị\tBan Tuyên giáo Thành ủy chủ trì\n");
        Assert.Equal(("45-KH/TU", "KH", "TU"), (document.Header.Number, document.Header.DocumentType, document.Header.IssuerSymbol));
        Assert.Equal("thanh-uy-can-tho", SeedFiles.Agencies.Resolve(document.Header.IssuerName));
        var basis = document.LegalBases.Single();
        Assert.Equal(("34-CT/TW", "CT", "Bộ Chính trị"), (basis.Number, basis.DocumentType, basis.IssuerName));
    }
}
