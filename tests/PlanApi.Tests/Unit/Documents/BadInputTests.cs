using System.IO.Compression;
using System.Text;
using PlanApi.Documents;

namespace PlanApi.Tests.Unit.Documents;

/// <summary>Unusable input is a typed failure that says what is wrong and where.</summary>
public sealed class BadInputTests
{
    private const string Heading = "Số: 7/KH-UBND\n\nKẾ HOẠCH\nThi đua năm 2024\n\n";

    private static PlanDocumentException Fails(byte[] bytes, string fileName = "plan.txt", long maxBytes = PlanDocumentReader.DefaultMaxBytes) =>
        Assert.Throws<PlanDocumentException>(() => PlanDocumentReader.Read(new MemoryStream(bytes), fileName, maxBytes));

    private static PlanDocumentException Fails(string text) => Fails(Encoding.UTF8.GetBytes(text));

    [Fact]
    public void An_empty_file()
    {
        var error = Fails([]);
        Assert.Contains("empty", error.Reason);
        Assert.Equal(DocumentLocation.File, error.Location);
    }

    [Fact]
    public void A_file_of_blank_lines() => Assert.Contains("empty", Fails("\n \r\n\t\n").Reason);

    [Fact]
    public void Binary_bytes()
    {
        var error = Fails([0x48, 0x69, 0x0A, 0x00, 0x01, 0x02, 0xFF, 0xFE, 0x10]);
        Assert.Contains("not text", error.Reason);
        Assert.Equal(2, error.Location.Line);
    }

    [Fact]
    public void Text_in_another_encoding_is_refused_with_its_line()
    {
        var latin1 = Encoding.Latin1.GetBytes("TT\tNoi dung\nDon vi thuc hien \u00e0 \u00e9\n");
        var error = Fails(latin1);
        Assert.Contains("UTF-8", error.Reason);
        Assert.Equal(2, error.Location.Line);
    }

    [Fact]
    public void A_pdf_or_an_old_word_file() =>
        Assert.All(new[] { "%PDF-1.7\n..."u8.ToArray(), [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0] },
            bytes => Assert.Contains("not read", Fails(bytes).Reason));

    [Fact]
    public void A_docx_name_on_text_and_a_zip_that_is_not_a_word_document()
    {
        Assert.Contains(".docx", Fails(Encoding.UTF8.GetBytes(Heading), "plan.docx").Reason);
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        using (var writer = new StreamWriter(archive.CreateEntry("readme.txt").Open()))
            writer.Write("not a document");
        Assert.Contains("Word", Fails(zip.ToArray(), "plan.docx").Reason);
    }

    [Fact]
    public void An_oversized_upload() =>
        Assert.Contains("larger than", Fails(new byte[3 * 1024 * 1024], maxBytes: 2 * 1024 * 1024).Reason);

    [Fact]
    public void A_document_without_a_task_table()
    {
        Assert.Contains("No task table", Fails(Heading + "I. MỤC ĐÍCH, YÊU CẦU\na) Đẩy mạnh phong trào thi đua.\n").Reason);
        var error = Fails(Heading + "STT\tHọ và tên\tChức vụ\n1\tNguyễn Văn A\tChủ tịch\n");
        Assert.Contains("No task table", error.Reason);
        Assert.Equal(6, error.Location.Line);
    }

    [Fact]
    public void A_docx_without_a_task_table()
    {
        var bytes = new DocxWriter().Paragraph("KẾ HOẠCH").Paragraph("Thi đua năm 2024").ToBytes();
        Assert.Contains("No task table", Fails(bytes, "plan.docx").Reason);
    }

    [Fact]
    public void A_row_with_more_cells_than_the_header()
    {
        var error = Fails(Heading + "TT\tNội dung\tĐơn vị thực hiện\n1\tHội nghị\tSở Nội vụ chủ trì\n2\tXuất bản\tBáo Cần Thơ\tthừa\tthừa nữa\n");
        Assert.Contains("3 columns", error.Reason);
        Assert.Equal(8, error.Location.Line);
    }

    [Fact]
    public void A_task_number_that_cannot_be_read()
    {
        var error = Fails(Heading + "| TT | Nội dung | Đơn vị thực hiện |\n|---|---|---|\n| 1 | Hội nghị | Sở Nội vụ chủ trì |\n| x1 | Xuất bản | Báo Cần Thơ chủ trì |\n");
        Assert.Contains("\"x1\"", error.Reason);
        Assert.Equal(9, error.Location.Line);
    }

    [Fact]
    public void A_task_without_content_in_a_word_table()
    {
        var bytes = new DocxWriter().Table([
            [new DocxCell("TT"), new DocxCell("Nội dung"), new DocxCell("Đơn vị thực hiện")],
            [new DocxCell("1"), new DocxCell(""), new DocxCell("Sở Nội vụ chủ trì")],
        ]).ToBytes();
        var error = Fails(bytes, "plan.docx");
        Assert.Contains("no content", error.Reason);
        Assert.Equal(DocumentLocation.AtRow(1, 2), error.Location);
        Assert.Contains("table 1, row 2", error.Message);
    }

    [Fact]
    public void A_task_table_with_only_a_header()
    {
        var error = Fails(Heading + "TT\tNội dung\tĐơn vị thực hiện\n\nIII. TỔ CHỨC THỰC HIỆN\n");
        Assert.Contains("no task rows", error.Reason);
        Assert.Equal(6, error.Location.Line);
    }
}
