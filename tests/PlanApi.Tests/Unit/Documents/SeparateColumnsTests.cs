using PlanApi.Documents;

namespace PlanApi.Tests.Unit.Documents;

/// <summary>The separate-columns layout puts leads, co-operating agencies and due periods in the right fields.</summary>
public sealed class SeparateColumnsTests
{
    public static TheoryData<string> Forms => new() { "md", "docx" };

    private static PlanDocument Read(string form) => form == "md"
        ? SeedFiles.ReadText(SeparateColumnsPlan.Markdown(), "ke-hoach.md")
        : PlanDocumentReader.Read(new MemoryStream(SeparateColumnsPlan.Docx()), "ke-hoach.docx");

    [Theory, MemberData(nameof(Forms))]
    public void Reads_seven_tasks_in_two_groups_without_warnings(string form)
    {
        var document = Read(form);
        Assert.True(document.Warnings.Count == 0, string.Join("\n", document.Warnings));
        Assert.Equal(Enumerable.Range(1, 7), document.Items.Select(i => i.Ordinal));
        Assert.All(document.Items, i => Assert.Null(i.Quarter));
        Assert.Equal(new ItemGroup("I", "CÔNG TÁC TUYÊN TRUYỀN"), document.Items[1].Group);
        Assert.Equal(new ItemGroup("II", "CÔNG TÁC KHEN THƯỞNG"), document.Items[2].Group);
    }

    [Theory, MemberData(nameof(Forms))]
    public void Leads_and_coordinators_come_from_their_own_columns(string form)
    {
        var items = Read(form).Items;
        Assert.Equal("Sở Thông tin và Truyền thông", items[0].LeadName);
        Assert.Equal(["Báo Thái Bình", "Đài Phát thanh và Truyền hình tỉnh"], items[0].CoordinatorNames);
        Assert.True(items[0].AndRelatedAgencies);

        Assert.Equal("Ban Thi đua - Khen thưởng tỉnh", items[1].LeadName);
        Assert.Equal("Sở Nội vụ", items[1].LeadRole);
        // A set co-operates where it is written; the importer reads which agencies it names.
        Assert.Equal(["Sở Văn hóa, Thể thao và Du lịch", "UBND các huyện, thành phố"], items[1].CoordinatorNames);
        Assert.Equal(["UBND các huyện, thành phố"], items[1].CollectiveNames);
        Assert.False(items[1].AndRelatedAgencies);

        Assert.Equal(form == "md" ? "Ban TĐKT tỉnh" : "Sở Nội vụ", items[3].LeadName);
        Assert.Empty(items[3].CoordinatorNames);

        Assert.Equal(["Sở Nội vụ", "Sở Tài chính"], items[4].CoordinatorNames);
        Assert.True(items[4].AndRelatedAgencies);
        Assert.Empty(items[4].CollectiveNames);
    }

    [Theory, MemberData(nameof(Forms))]
    public void Due_periods_come_from_the_time_column(string form)
    {
        var items = Read(form).Items;
        Assert.Equal(new DuePhrase(DuePhraseKind.Quarter, "Quý I/2023", 2023, Quarter: 1), items[0].Due);
        Assert.Equal(new DuePhrase(DuePhraseKind.Ongoing, "Thường xuyên"), items[1].Due);
        Assert.Equal(new DuePhrase(DuePhraseKind.BeforeDate, "Trước ngày 15/3/2023", 2023, 3, Date: new DateOnly(2023, 3, 15)), items[2].Due);
        Assert.Equal(new DuePhrase(DuePhraseKind.HalfYear, "6 tháng đầu năm 2023", 2023, Half: 1), items[3].Due);
        Assert.Equal(new DuePhrase(DuePhraseKind.Recurring, "Hằng quý", Every: Recurrence.Quarterly), items[4].Due);
        Assert.Equal(new DuePhrase(DuePhraseKind.MonthPart, "giữa tháng 11 năm 2023", 2023, 11, DuePhraseMonthPart.Mid), items[5].Due);
        Assert.Equal(new DuePhrase(DuePhraseKind.Year, "năm 2023", 2023), items[6].Due);
        // The content keeps its date range: it is not a due date.
        Assert.Equal("Tuyên truyền kỷ niệm 20 năm thành lập (02/01/2004-02/01/2024)", items[1].Content);
    }

    [Theory, MemberData(nameof(Forms))]
    public void Heading_legal_bases_duties_and_signature_are_read(string form)
    {
        var document = Read(form);
        var header = document.Header;
        Assert.Equal("ỦY BAN NHÂN DÂN TỈNH THÁI BÌNH", header.IssuerName);
        Assert.Equal(("45/KH-UBND", "KH", "Thái Bình", new DateOnly(2023, 2, 16)), (header.Number, header.DocumentType, header.Place, header.IssuedOn));
        Assert.Equal("Công tác thi đua, khen thưởng năm 2023", header.Title);

        Assert.Equal(2, document.LegalBases.Count);
        var law = document.LegalBases[0];
        Assert.Equal((null, "Luật", new DateOnly(2022, 6, 15), "Luật Thi đua, khen thưởng"), (law.Number, law.DocumentType, law.Date, law.Title));
        var decree = document.LegalBases[1];
        Assert.Equal(("98/2023/NĐ-CP", "NĐ", "Chính phủ"), (decree.Number, decree.DocumentType, decree.IssuerName));
        Assert.Equal("quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng", decree.Title);

        Assert.Equal([new LabeledPoint(null, "Phát huy truyền thống thi đua yêu nước.")], document.Purposes);
        Assert.Equal([new LabeledPoint(null, "Công tác khen thưởng phải kịp thời, chính xác.")], document.Requirements);
        Assert.Equal(2, document.Duties.Count);
        Assert.Equal(["Sở Nội vụ", "Ban Thi đua - Khen thưởng tỉnh"], document.Duties[0].AgencyNames);
        Assert.Equal(["Sở Tài chính"], document.Duties[1].AgencyNames);
        Assert.Equal(["Như trên", "Lưu: VT"], document.Recipients);
        Assert.Equal(new PlanSignature("KT.", "Chủ tịch", "Phó Chủ tịch", "Nguyễn Văn An"), document.Signature);
    }

    [Fact]
    public void The_executing_units_text_keeps_both_cells_after_their_headers()
    {
        var item = Read("md").Items[0];
        Assert.Equal("Cơ quan chủ trì: Sở Thông tin và Truyền thông; Cơ quan phối hợp: Báo Thái Bình, Đài Phát thanh và Truyền hình tỉnh và các cơ quan liên quan",
            item.ExecutingUnitsText);
    }
}
