using PlanApi.Documents;

namespace PlanApi.Tests.Unit.Documents;

/// <summary>
/// Legal bases as other provinces write them (two laws in one "Căn cứ", "Theo" / "Trên cơ sở" / a basis inside a
/// sentence, national issuers) and a "TM. / KT. / PHÓ CHỦ TỊCH" signature, as text and Markdown.
/// </summary>
public sealed class LegalBasisAndSignatureTests
{
    public const string Plan = """
        ỦY BAN NHÂN DÂN
        TỈNH QUẢNG NAM
        Số: 88/KH-UBND
        Quảng Nam, ngày 05 tháng 01 năm 2024
        KẾ HOẠCH
        Tổ chức phong trào thi đua năm 2024
        Căn cứ Luật Thi đua, khen thưởng ngày 26/11/2003 và Luật sửa đổi, bổ sung một số điều của Luật Thi đua, khen thưởng ngày 16/11/2013;
        Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015 của Quốc hội;
        Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31/12/2023 của Chính phủ quy định chi tiết thi hành Luật Thi đua, khen thưởng;
        Theo Chỉ thị số 19/CT-TTg ngày 10/6/2023 của Thủ tướng Chính phủ về đẩy mạnh phong trào thi đua yêu nước;
        Để triển khai thực hiện Nghị quyết số 52/NQ-HĐND ngày 09/12/2022 của Hội đồng nhân dân tỉnh về nhiệm vụ năm 2023, Ủy ban nhân dân tỉnh ban hành Kế hoạch tổ chức phong trào thi đua năm 2024 như sau:
        I. MỤC ĐÍCH, YÊU CẦU
        - Phát huy truyền thống thi đua yêu nước.
        II. NỘI DUNG
        TT	Nội dung	Đơn vị thực hiện
        1	Phát động phong trào thi đua năm 2024 (tháng 01/2024)	Sở Nội vụ chủ trì
        III. TỔ CHỨC THỰC HIỆN
        1. Sở Nội vụ theo dõi việc thực hiện Kế hoạch này.
        Nơi nhận:
        - Như trên;
        - Lưu: VT.
        TM. ỦY BAN NHÂN DÂN
        KT. CHỦ TỊCH
        PHÓ CHỦ TỊCH
        (Đã ký)
        Trần Văn Tân
        """;

    public static TheoryData<string> Forms => new() { "plan.txt", "plan.md" };

    [Theory]
    [MemberData(nameof(Forms))]
    public void Every_cited_document_is_a_basis_with_its_number_date_issuer_and_title(string fileName)
    {
        var document = SeedFiles.ReadText(Plan, fileName);
        AssertBases(document);
        Assert.Equal("Để triển khai thực hiện Nghị quyết số 52/NQ-HĐND ngày 09/12/2022 của Hội đồng nhân dân tỉnh về nhiệm vụ năm 2023, " +
            "Ủy ban nhân dân tỉnh ban hành Kế hoạch tổ chức phong trào thi đua năm 2024 như sau:", document.Preamble);
        Assert.Empty(document.Warnings);
    }

    internal static void AssertBases(PlanDocument document)
    {
        Assert.Equal(
        [
            (null, "Luật", new DateOnly(2003, 11, 26), null, "Luật Thi đua, khen thưởng"),
            (null, "Luật", new DateOnly(2013, 11, 16), null, "Luật sửa đổi, bổ sung một số điều của Luật Thi đua, khen thưởng"),
            (null, "Luật", new DateOnly(2015, 6, 19), "Quốc hội", "Luật Tổ chức chính quyền địa phương"),
            ("98/2023/NĐ-CP", "NĐ", new DateOnly(2023, 12, 31), "Chính phủ", "quy định chi tiết thi hành Luật Thi đua, khen thưởng"),
            ("19/CT-TTg", "CT", new DateOnly(2023, 6, 10), "Thủ tướng Chính phủ", "về đẩy mạnh phong trào thi đua yêu nước"),
            ("52/NQ-HĐND", "NQ", new DateOnly(2022, 12, 9), "Hội đồng nhân dân tỉnh", "về nhiệm vụ năm 2023"),
        ], document.LegalBases.Select(b => (b.Number, b.DocumentType, b.Date, b.IssuerName, b.Title)));
    }

    [Theory]
    [MemberData(nameof(Forms))]
    public void A_deputy_signing_for_the_chairman_keeps_the_authority_whom_he_signs_for_and_his_position(string fileName)
    {
        var document = SeedFiles.ReadText(Plan, fileName);
        Assert.Equal(new PlanSignature("TM.", "Ủy ban nhân dân", "Phó Chủ tịch", "Trần Văn Tân", "KT.", "Chủ tịch"), document.Signature);
        Assert.Equal(["Như trên", "Lưu: VT"], document.Recipients);
    }

    [Fact]
    public void Theo_opening_prose_is_not_a_basis()
    {
        var document = SeedFiles.ReadText(Plan.Replace("Theo Chỉ thị số 19/CT-TTg ngày 10/6/2023 của Thủ tướng Chính phủ về đẩy mạnh phong trào thi đua yêu nước;",
            "Theo đó, các cơ quan chủ động xây dựng kế hoạch thi đua."));
        Assert.DoesNotContain(document.LegalBases, b => b.Number == "19/CT-TTg");
        Assert.StartsWith("Theo đó, các cơ quan", document.Preamble);
    }
}
