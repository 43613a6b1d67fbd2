using PlanApi.Documents;

namespace PlanApi.Tests.Unit.Documents;

/// <summary>
/// A district plan laid out differently from the seed: legal bases in their own section, separate purpose and
/// requirement sections, recipients without dashes, a "TM. / KT. / PHÓ CHỦ TỊCH" signature, and the task table
/// in an appendix after the signature, with an unmarked heading row.
/// </summary>
public sealed class AppendixPlanTests
{
    private const string Plan = """
        ỦY BAN NHÂN DÂN
        HUYỆN PHONG ĐIỀN
        Số: 15/KH-UBND
        Phong Điền, ngày 10 tháng 01 năm 2023

        KẾ HOẠCH
        Tổ chức phong trào thi đua năm 2023
        -----------

        I. CĂN CỨ XÂY DỰNG KẾ HOẠCH
        1. Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;
        2. Kế hoạch số 244/KH-UBND ngày 20 tháng 12 năm 2022 của Ủy ban nhân dân thành phố Cần Thơ về triển khai công tác thi đua, khen thưởng năm 2023.
        II. MỤC ĐÍCH
        - Đẩy mạnh phong trào thi đua.
        III. YÊU CẦU
        1. Thiết thực, hiệu quả.
        IV. NỘI DUNG
        (Có Phụ lục kèm theo)
        V. TỔ CHỨC THỰC HIỆN
        1. Phòng Nội vụ huyện:
        - Theo dõi, đôn đốc việc thực hiện Kế hoạch.
        2. Phòng Tài chính - Kế hoạch huyện bố trí kinh phí.

        Nơi nhận:
        UBND thành phố;
        Ban TĐKT thành phố;
        Lưu: VT.
        TM. ỦY BAN NHÂN DÂN
        KT. CHỦ TỊCH
        PHÓ CHỦ TỊCH
        (Đã ký)
        Lê Văn Bình

        PHỤ LỤC
        NHIỆM VỤ THI ĐUA NĂM 2023
        (Kèm theo Kế hoạch số 15/KH-UBND ngày 10/01/2023 của UBND huyện)

        | STT | Nội dung (công việc) | Cơ quan/Đơn vị chủ trì | Cơ quan/Đơn vị phối hợp | Thời gian thực hiện/hoàn thành |
        |---|---|---|---|---|
        | | QUÝ I (từ tháng 01 đến tháng 3) | | | |
        | | Công tác tuyên truyền | | | |
        | 1 | Phát động phong trào thi đua | Phòng Nội vụ | UBND các xã, thị trấn | tháng 01/2023 |
        | 2 | Tuyên truyền gương người tốt, việc tốt của | Phòng Văn hóa và Thông tin | | Quý I/2023 |
        | | Ủy ban nhân dân huyện | | | |
        | | Công tác khen thưởng | | | |
        | 3 | Xét khen thưởng tập thể, cá nhân | Phòng Nội vụ | Phòng Tài chính - Kế hoạch | trước ngày 31/3/2023 |
        """;

    private static readonly PlanDocument Document = SeedFiles.ReadText(Plan, "phong-dien.md");

    [Fact]
    public void Reads_the_appendix_table_without_warnings()
    {
        Assert.True(Document.Warnings.Count == 0, string.Join("\n", Document.Warnings));
        Assert.Equal([1, 2, 3], Document.Items.Select(i => i.Ordinal));
        Assert.All(Document.Items, i => Assert.Equal(1, i.Quarter));
    }

    [Fact]
    public void Unmarked_headings_group_tasks_and_a_cut_sentence_continues_its_task()
    {
        Assert.Equal(new ItemGroup(null, "Công tác tuyên truyền"), Document.Items[0].Group);
        Assert.Equal("Tuyên truyền gương người tốt, việc tốt của Ủy ban nhân dân huyện", Document.Items[1].Content);
        Assert.Equal(new ItemGroup(null, "Công tác khen thưởng"), Document.Items[2].Group);
        Assert.Equal(["UBND các xã, thị trấn"], Document.Items[0].CollectiveNames);
        Assert.Equal(["Phòng Tài chính - Kế hoạch"], Document.Items[2].CoordinatorNames);
    }

    [Fact]
    public void Legal_bases_in_their_own_section()
    {
        Assert.Equal([null, "244/KH-UBND"], Document.LegalBases.Select(b => b.Number));
        Assert.Equal("Luật Thi đua, khen thưởng", Document.LegalBases[0].Title);
        Assert.Equal("ubnd-can-tho", SeedFiles.Agencies.Resolve(Document.LegalBases[1].IssuerName));
    }

    [Fact]
    public void Purposes_requirements_and_duties()
    {
        Assert.Equal([new LabeledPoint(null, "Đẩy mạnh phong trào thi đua.")], Document.Purposes);
        Assert.Equal([new LabeledPoint("1", "Thiết thực, hiệu quả.")], Document.Requirements);
        Assert.Equal(2, Document.Duties.Count);
        Assert.Equal("Phòng Nội vụ huyện:\n- Theo dõi, đôn đốc việc thực hiện Kế hoạch.", Document.Duties[0].Text);
        Assert.Equal(["Phòng Nội vụ huyện"], Document.Duties[0].AgencyNames);
        Assert.Equal(["Phòng Tài chính - Kế hoạch huyện"], Document.Duties[1].AgencyNames);
    }

    [Fact]
    public void Recipients_without_dashes_and_a_signature_for_the_chairman()
    {
        Assert.Equal(["UBND thành phố", "Ban TĐKT thành phố", "Lưu: VT"], Document.Recipients);
        Assert.Equal(new PlanSignature("TM.", "Ủy ban nhân dân", "Phó Chủ tịch", "Lê Văn Bình", "KT.", "Chủ tịch"), Document.Signature);
    }

    [Fact]
    public void Heading_of_a_district()
    {
        var header = Document.Header;
        Assert.Equal(("ỦY BAN NHÂN DÂN HUYỆN PHONG ĐIỀN", "15/KH-UBND", "Phong Điền"), (header.IssuerName, header.Number, header.Place));
        Assert.Equal("phong-dien", SeedFiles.Agencies.Resolve(header.IssuerName));
        Assert.Equal(("Tổ chức phong trào thi đua năm 2023", 2023), (header.Title, header.PlanYear));
    }
}
