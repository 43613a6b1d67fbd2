using PlanApi.Data;
using PlanApi.Documents;
using PlanApi.Features.Import;

namespace PlanApi.Tests.Unit.Documents;

/// <summary>Plans grouped by subject (I / B rows) whose numbering restarts in each group, and their quarters.</summary>
public sealed class ItemGroupTests
{
    public static TheoryData<string> Forms => new() { "text", "markdown" };

    private static PlanDocument Read(string form) => form switch
    {
        "markdown" => SeedFiles.ReadText(GroupedPlan.Markdown(), "plan.md"),
        _ => SeedFiles.ReadText(GroupedPlan.Text()),
    };

    /// <summary>Every field of every item, as the document prints it.</summary>
    internal static void AssertGroupedItems(PlanDocument document)
    {
        var first = new ItemGroup("I", "Công tác tổ chức phong trào thi đua");
        var second = new ItemGroup("B", "CÔNG TÁC KHEN THƯỞNG");
        var items = document.Items;
        Assert.Equal([1, 2, 3, 4, 5, 6], items.Select(i => i.Ordinal));
        Assert.Equal(["I.1", "I.2", "I.3", "B.1", "B.2", "B.3"], items.Select(i => i.Label));
        Assert.Equal(["1", "2", "3", "1", "2", "3"], items.Select(i => i.OrdinalText));
        Assert.Equal([first, first, first, second, second, second], items.Select(i => i.Group));
        Assert.All(items, i => Assert.Null(i.Quarter));
        var tasks = GroupedPlan.Rows.OfType<GroupedPlan.Task>().ToList();
        Assert.Equal(tasks.Select(t => t.Content), items.Select(i => i.Content));
        Assert.Equal(tasks.Select(t => t.Due), items.Select(i => i.Due?.Text));
        Assert.Equal(["Sở Nội vụ", "Ban TĐKT tỉnh", "Ban TĐKT tỉnh", "Ban TĐKT tỉnh", "Sở Giáo dục và Đào tạo", "Ban TĐKT tỉnh"],
            items.Select(i => i.LeadName));
        Assert.Equal([["Ban Thi đua - Khen thưởng tỉnh"], ["Sở Tài chính"], [], ["Sở Tài chính"], ["Ban TĐKT tỉnh"], []],
            items.Select(i => i.CoordinatorNames.ToArray()));
        Assert.Equal([false, true, false, false, false, false], items.Select(i => i.AndRelatedAgencies));
        Assert.Equal([DuePhraseKind.Month, DuePhraseKind.Quarter, DuePhraseKind.Month, DuePhraseKind.MonthPart, DuePhraseKind.Month, DuePhraseKind.Ongoing],
            items.Select(i => i.Due!.Kind));
    }

    [Theory]
    [MemberData(nameof(Forms))]
    public void Numbering_that_restarts_in_each_group_keeps_its_printed_labels_and_unique_ordinals(string form)
    {
        var document = Read(form);
        AssertGroupedItems(document);
        Assert.Empty(document.Warnings);
    }

    [Fact]
    public void Without_quarter_rows_the_import_says_so_once_and_takes_each_quarter_from_the_deadline()
    {
        var (plan, warnings) = PlanImporter.Map(Read("text"), name => name);
        Assert.Equal([1, 1, 3, 1, 3, 4], plan.Items.Select(i => i.Quarter));
        Assert.Single(warnings, w => w.Message.Contains("no quarter rows"));
        Assert.DoesNotContain(warnings, w => w.Message.Contains("no quarter row above"));
        Assert.Equal(["I.1", "I.2", "I.3", "B.1", "B.2", "B.3"], plan.Items.Select(i => i.Label));
        Assert.Equal(new SeedItemGroup("B", "CÔNG TÁC KHEN THƯỞNG"), plan.Items[3].Group);
    }

    [Fact]
    public void Quarter_rows_stay_quarters_inside_groups_and_groups_inside_quarters()
    {
        var groupsOuter = SeedFiles.ReadText(string.Join('\n',
            "Số: 3/KH-UBND", "KẾ HOẠCH", "Thi đua năm 2024", "",
            "TT\tNội dung\tĐơn vị thực hiện",
            "I\tCÔNG TÁC THI ĐUA\t", "\tQUÝ I\t", "1\tPhát động thi đua\tSở Nội vụ chủ trì", "\tQUÝ III\t", "2\tSơ kết thi đua\tSở Nội vụ chủ trì",
            "II\tCÔNG TÁC KHEN THƯỞNG\t", "\tQUÝ II\t", "1\tKhen thưởng chuyên đề\tSở Nội vụ chủ trì", ""));
        Assert.Equal([1, 3, 2], groupsOuter.Items.Select(i => i.Quarter));
        Assert.Equal(["I", "I", "II"], groupsOuter.Items.Select(i => i.Group?.Label));
        Assert.Equal(["I.1", "I.2", "II.1"], groupsOuter.Items.Select(i => i.Label));

        var quartersOuter = SeedFiles.ReadText(string.Join('\n',
            "Số: 4/KH-UBND", "KẾ HOẠCH", "Thi đua năm 2024", "",
            "TT\tNội dung\tĐơn vị thực hiện",
            "\tQUÝ I\t", "A\tCông tác thi đua\t", "1\tPhát động thi đua\tSở Nội vụ chủ trì", "B\tCông tác khen thưởng\t", "2\tKhen thưởng tổng kết\tSở Nội vụ chủ trì",
            "\tQUÝ II\t", "3\tTuyên truyền điển hình\tSở Nội vụ chủ trì", "B\tCông tác khen thưởng\t", "4\tKhen thưởng chuyên đề\tSở Nội vụ chủ trì", ""));
        Assert.Equal([1, 1, 2, 2], quartersOuter.Items.Select(i => i.Quarter));
        Assert.Equal(["A", "B", null, "B"], quartersOuter.Items.Select(i => i.Group?.Label));
        Assert.Equal(["1", "2", "3", "4"], quartersOuter.Items.Select(i => i.Label));
        Assert.Empty(quartersOuter.Warnings);
    }

    [Fact]
    public void A_number_written_twice_in_one_group_is_pointed_at_where_it_repeats()
    {
        var document = SeedFiles.ReadText(string.Join('\n',
            "Số: 5/KH-UBND", "KẾ HOẠCH", "Thi đua năm 2024", "",
            "TT\tNội dung\tĐơn vị thực hiện",
            "1\tPhát động thi đua\tSở Nội vụ chủ trì", "2\tSơ kết thi đua\tSở Nội vụ chủ trì", "2\tTổng kết thi đua\tSở Nội vụ chủ trì", ""));
        Assert.Equal([1, 2, 3], document.Items.Select(i => i.Ordinal));
        var warning = Assert.Single(document.Warnings);
        Assert.Equal(DocumentLocation.AtLine(8), warning.Location);
        Assert.Contains("task number 2 is written twice: first at line 7", warning.Message);
    }
}

/// <summary>The grouped plan as a .docx laid out with tables: heading, body, items and signature as the text form reads them.</summary>
public sealed class LayoutTableDocxTests
{
    private static readonly PlanDocument Document = PlanDocumentReader.Read(new MemoryStream(GroupedPlanDocx.Build()), "plan.docx");

    [Fact]
    public void The_heading_in_a_layout_table_is_read_as_typed_text()
    {
        var header = Document.Header;
        Assert.Equal(("ỦY BAN NHÂN DÂN TỈNH BẮC NINH", "15/KH-UBND", "KH", "UBND"), (header.IssuerName, header.Number, header.DocumentType, header.IssuerSymbol));
        Assert.Equal(("Bắc Ninh", new DateOnly(2024, 1, 10), "Công tác thi đua, khen thưởng năm 2024", 2024),
            (header.Place, header.IssuedOn, header.Title, header.PlanYear));
        var basis = Assert.Single(Document.LegalBases);
        Assert.Equal(("Luật", new DateOnly(2022, 6, 15), "Luật Thi đua, khen thưởng"), (basis.DocumentType, basis.Date, basis.Title));
        Assert.Equal(["Phát huy truyền thống thi đua yêu nước."], Document.Purposes.Select(p => p.Text));
    }

    [Fact]
    public void Reordered_columns_and_merged_group_rows_give_the_same_items_as_the_text()
    {
        ItemGroupTests.AssertGroupedItems(Document);
        Assert.Equal(DocumentLocation.AtRow(2, 3), Document.Items[0].Location);
        Assert.Empty(Document.Warnings);
    }

    [Fact]
    public void The_signature_in_a_layout_table_keeps_recipients_authority_and_signer()
    {
        Assert.Equal(["Như trên", "Lưu: VT"], Document.Recipients);
        Assert.Equal(new PlanSignature("TM.", "Ủy ban nhân dân", "Phó Chủ tịch", "Nguyễn Văn Bình", "KT.", "Chủ tịch"), Document.Signature);
        Assert.Equal(["Sở Nội vụ"], Assert.Single(Document.Duties).AgencyNames);
    }
}

/// <summary>A doubtful row of a grouped .docx is warned about once, at its row, by the number the document printed.</summary>
public sealed class GroupedRowWarningTests
{
    [Fact]
    public void An_unread_due_phrase_is_one_warning_at_its_row_naming_the_printed_number()
    {
        var bytes = new DocxWriter().Paragraph("Số: 9/KH-UBND").Paragraph("Bắc Ninh, ngày 10 tháng 01 năm 2024").Paragraph("KẾ HOẠCH")
            .Paragraph("Thi đua năm 2024").Table([
                [new DocxCell("TT"), new DocxCell("Nội dung"), new DocxCell("Thời gian"), new DocxCell("Đơn vị thực hiện")],
                [new DocxCell("I. CÔNG TÁC THI ĐUA", Span: 4, Bold: true)],
                [new DocxCell("1"), new DocxCell("Phát động thi đua"), new DocxCell("tháng 01/2024"), new DocxCell("Sở Nội vụ chủ trì")],
                [new DocxCell("II. CÔNG TÁC KHEN THƯỞNG", Span: 4, Bold: true)],
                [new DocxCell("1"), new DocxCell("Khen thưởng tổng kết"), new DocxCell("tháng 02/2024"), new DocxCell("Sở Nội vụ chủ trì")],
                [new DocxCell("2"), new DocxCell("Khen thưởng chuyên đề"), new DocxCell("theo đợt phát động"), new DocxCell("Sở Nội vụ chủ trì")],
            ]).ToBytes();
        var document = PlanDocumentReader.Read(new MemoryStream(bytes), "plan.docx");
        var (plan, warnings) = PlanApi.Features.Import.PlanImporter.Map(document, name => name);
        var atRow = warnings.Where(w => w.Location == "table 1, row 6").ToList();
        Assert.Equal("task 2: the due phrase \"theo đợt phát động\" is not understood; it is kept as text", Assert.Single(atRow).Message);
        Assert.Equal(["I.1", "II.1", "II.2"], plan.Items.Select(i => i.Label));
    }
}
