namespace PlanApi.Tests.Unit.Documents;

/// <summary>
/// A plan in the other common layout (STT | Nội dung công việc | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian
/// hoàn thành) with group rows, from a province (Thái Bình), as Markdown and as .docx with a two-row header.
/// </summary>
internal static class SeparateColumnsPlan
{
    public static readonly string[][] Tasks =
    [
        ["1", "Tuyên truyền các điển hình tiên tiến trên báo, đài", "Sở Thông tin và Truyền thông", "Báo Thái Bình, Đài Phát thanh và Truyền hình tỉnh và các cơ quan liên quan", "Quý I/2023"],
        ["2", "Tuyên truyền kỷ niệm 20 năm thành lập (02/01/2004-02/01/2024)", "Ban Thi đua - Khen thưởng tỉnh (Sở Nội vụ)", "Sở Văn hóa, Thể thao và Du lịch; UBND các huyện, thành phố", "Thường xuyên"],
        ["3", "Xét tặng danh hiệu thi đua năm 2022", "Sở Nội vụ", "Sở Tài chính", "Trước ngày 15/3/2023"],
        ["4", "Báo cáo sơ kết công tác thi đua, khen thưởng", "Ban TĐKT tỉnh", "", "6 tháng đầu năm 2023"],
        ["5", "Tổng hợp tình hình khen thưởng ngành giáo dục", "Sở Giáo dục và Đào tạo", "Sở Nội vụ, Sở Tài chính và các cơ quan, đơn vị liên quan", "Hằng quý"],
        ["6", "Tổ chức Hội nghị tổng kết", "Sở Nội vụ", "", "giữa tháng 11 năm 2023"],
        ["7", "Hoàn thiện hồ sơ đề nghị khen thưởng cấp Nhà nước", "Sở Nội vụ", "", "năm 2023"],
    ];

    private const string Heading = """
        ỦY BAN NHÂN DÂN
        TỈNH THÁI BÌNH
        Số: 45/KH-UBND
        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
        Độc lập - Tự do - Hạnh phúc
        Thái Bình, ngày 16 tháng 02 năm 2023

        KẾ HOẠCH
        Công tác thi đua, khen thưởng năm 2023

        Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;
        Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng;
        Ủy ban nhân dân tỉnh ban hành Kế hoạch công tác thi đua, khen thưởng năm 2023 như sau:

        I. MỤC ĐÍCH, YÊU CẦU
        1. Mục đích
        - Phát huy truyền thống thi đua yêu nước.
        2. Yêu cầu
        - Công tác khen thưởng phải kịp thời, chính xác.
        II. NỘI DUNG VÀ TIẾN ĐỘ THỰC HIỆN

        """;

    private const string Closing = """

        III. TỔ CHỨC THỰC HIỆN
        1. Sở Nội vụ (Ban Thi đua - Khen thưởng tỉnh) chủ trì, hướng dẫn, theo dõi việc thực hiện Kế hoạch này.
        2. Sở Tài chính bố trí kinh phí khen thưởng theo quy định.
        Trên đây là Kế hoạch công tác thi đua, khen thưởng năm 2023 của Ủy ban nhân dân tỉnh.

        Nơi nhận:
        - Như trên;
        - Lưu: VT.
        KT. CHỦ TỊCH
        PHÓ CHỦ TỊCH
        NGUYỄN VĂN AN
        """;

    public static string Markdown()
    {
        var rows = new List<string>
        {
            "| STT | Nội dung công việc | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành |",
            "|:---:|---|---|---|---|",
            "| **I** | **CÔNG TÁC TUYÊN TRUYỀN** | | | |",
        };
        foreach (var task in Tasks)
        {
            if (task[0] == "3") rows.Add("| **II** | **CÔNG TÁC KHEN THƯỞNG** | | | |");
            rows.Add("| " + string.Join(" | ", task) + " |");
        }
        return Heading + string.Join('\n', rows) + "\n" + Closing;
    }

    /// <summary>
    /// The same plan as Word would hold it: "Đơn vị thực hiện" over "Chủ trì | Phối hợp", STT numbered by Word,
    /// group rows merged across the row, the column-number row "(1) … (5)", and task 4's lead shared with task 3
    /// by a cell merged down (task 4 then names "Sở Nội vụ", as the merge shows).
    /// </summary>
    public static byte[] Docx()
    {
        var writer = new DocxWriter();
        foreach (var line in Heading.Split('\n').Where(l => l.Trim().Length > 0))
            Write(writer, line.Trim(), bold: line.Trim() is "KẾ HOẠCH" or "Công tác thi đua, khen thưởng năm 2023");
        var rows = new List<IEnumerable<DocxCell>>
        {
            new DocxCell[] { new("STT", Merge: MergeDown.Restart), new("Nội dung", Merge: MergeDown.Restart), new("Đơn vị thực hiện", Span: 2), new("Thời gian thực hiện", Merge: MergeDown.Restart) },
            new DocxCell[] { new("", Merge: MergeDown.Continue), new("", Merge: MergeDown.Continue), new("Chủ trì"), new("Phối hợp"), new("", Merge: MergeDown.Continue) },
            new DocxCell[] { new("(1)"), new("(2)"), new("(3)"), new("(4)"), new("(5)") },
            new DocxCell[] { new("I. CÔNG TÁC TUYÊN TRUYỀN", Span: 5, Bold: true) },
        };
        foreach (var task in Tasks)
        {
            if (task[0] == "3") rows.Add([new DocxCell("II. CÔNG TÁC KHEN THƯỞNG", Span: 5, Bold: true)]);
            var lead = task[0] switch
            {
                "3" => new DocxCell(task[2], Merge: MergeDown.Restart),
                "4" => new DocxCell("", Merge: MergeDown.Continue),
                _ => new DocxCell(task[2].Replace(", ", "\n")),
            };
            rows.Add([new DocxCell("", List: DocxWriter.DecimalList), new DocxCell(task[1]), lead, new DocxCell(task[3].Replace("; ", "\n")), new DocxCell(task[4])]);
        }
        writer.Table(rows);
        foreach (var line in Closing.Split('\n').Where(l => l.Trim().Length > 0))
            Write(writer, line.Trim());
        return writer.ToBytes();
    }

    // Section headings "I. …" are written with a numbered paragraph style, so "I." is not in the text.
    private static void Write(DocxWriter writer, string line, bool bold = false)
    {
        var roman = System.Text.RegularExpressions.Regex.Match(line, @"^[IVX]+\.\s+(.*)$");
        if (roman.Success) writer.Paragraph(roman.Groups[1].Value, bold: true, style: DocxWriter.SectionStyle);
        else writer.Paragraph(line, bold);
    }
}
