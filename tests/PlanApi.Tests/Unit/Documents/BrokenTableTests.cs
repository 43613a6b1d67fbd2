using System.Text;
using PlanApi.Documents;

namespace PlanApi.Tests.Unit.Documents;

/// <summary>A task table spoilt by one row says which row: a line that lost its separators, a number written twice.</summary>
public sealed class BrokenTableTests
{
    private const string Heading = "Số: 7/KH-UBND\n\nKẾ HOẠCH\nThi đua năm 2024\n\n";

    private static PlanDocumentException Fails(string text, string fileName = "plan.txt") =>
        Assert.Throws<PlanDocumentException>(() => SeedFiles.ReadText(text, fileName));

    [Fact]
    public void A_text_row_without_tabs_right_under_the_header_is_named_not_reported_as_no_task_rows()
    {
        var error = Fails(Heading + "TT\tNội dung\tĐơn vị thực hiện\n1 Hội nghị triển khai Sở Nội vụ chủ trì\n2\tXuất bản kỷ yếu\tBáo Cần Thơ chủ trì\n");
        Assert.Equal(DocumentLocation.AtLine(7), error.Location);
        Assert.Contains("breaks the task table", error.Reason);
        Assert.Contains("\"1 Hội nghị triển khai Sở Nội vụ chủ trì\"", error.Reason);
        Assert.DoesNotContain("no task rows", error.Reason);
    }

    [Fact]
    public void A_markdown_row_without_its_pipes_between_task_rows_is_named()
    {
        var error = Fails(Heading + "| TT | Nội dung | Đơn vị thực hiện |\n|---|---|---|\n| 1 | Hội nghị | Sở Nội vụ chủ trì |\n"
            + "2 | Xuất bản kỷ yếu | Báo Cần Thơ chủ trì\n| 3 | Tuyên dương | Sở Nội vụ chủ trì |\n", "plan.md");
        Assert.Equal(DocumentLocation.AtLine(9), error.Location);
        Assert.Contains("framed by '|'", error.Reason);
    }

    [Fact]
    public void A_note_after_the_table_is_still_prose()
    {
        var document = SeedFiles.ReadText(Heading + "TT\tNội dung\tĐơn vị thực hiện\n1\tHội nghị\tSở Nội vụ chủ trì\n"
            + "Ghi chú: các đơn vị báo cáo kết quả về Sở Nội vụ.\nIII. TỔ CHỨC THỰC HIỆN\n");
        Assert.Single(document.Items);
    }

    [Fact]
    public void A_number_written_twice_in_a_word_table_is_pointed_at_by_its_row_and_printed_number()
    {
        var bytes = new DocxWriter().Paragraph("Số: 7/KH-UBND").Paragraph("KẾ HOẠCH").Paragraph("Thi đua năm 2024").Table([
            [new DocxCell("TT"), new DocxCell("Nội dung"), new DocxCell("Đơn vị thực hiện")],
            [new DocxCell("I. CÔNG TÁC THI ĐUA", Span: 3, Bold: true)],
            [new DocxCell("1"), new DocxCell("Phát động thi đua"), new DocxCell("Sở Nội vụ chủ trì")],
            [new DocxCell("2"), new DocxCell("Sơ kết thi đua"), new DocxCell("Sở Nội vụ chủ trì")],
            [new DocxCell("II. CÔNG TÁC KHEN THƯỞNG", Span: 3, Bold: true)],
            [new DocxCell("1"), new DocxCell("Khen thưởng tổng kết"), new DocxCell("Sở Nội vụ chủ trì")],
            [new DocxCell("1"), new DocxCell("Khen thưởng chuyên đề"), new DocxCell("Sở Nội vụ chủ trì")],
        ]).ToBytes();
        var document = PlanDocumentReader.Read(new MemoryStream(bytes), "plan.docx");
        Assert.Equal([1, 2, 3, 4], document.Items.Select(i => i.Ordinal));
        Assert.Equal(["I.1", "I.2", "II.1", "II.1"], document.Items.Select(i => i.Label));
        var warning = Assert.Single(document.Warnings);
        Assert.Equal(DocumentLocation.AtRow(1, 7), warning.Location);
        Assert.Equal("task number 1 is written twice in group II. CÔNG TÁC KHEN THƯỞNG: first at table 1, row 6; tasks are numbered 1–4 in order",
            warning.Message);
    }

    [Fact]
    public void An_oversized_file_says_the_limit_in_MiB() =>
        Assert.Equal("The file is larger than 2 MiB.", Assert.Throws<PlanDocumentException>(() =>
            PlanDocumentReader.Read(new MemoryStream(new byte[3 * 1024 * 1024]), "plan.txt", 2 * 1024 * 1024)).Reason);
}
