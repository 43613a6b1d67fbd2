namespace PlanApi.Tests.Unit.Documents;

/// <summary>
/// A plan grouped by subject instead of by quarter, as many provinces write them (here Bắc Ninh): lettered and
/// Roman-numeral group rows, numbering that restarts in each group, no quarter rows, a due column. Written as text,
/// Markdown and .docx from the same rows.
/// </summary>
internal static class GroupedPlan
{
    /// <summary>A group row: its label and heading as printed.</summary>
    public sealed record Group(string Label, string Heading);

    /// <summary>A task row: TT, content, executing units, due column.</summary>
    public sealed record Task(string Number, string Content, string Units, string Due);

    public static readonly object[] Rows =
    [
        new Group("I", "Công tác tổ chức phong trào thi đua"),
        new Task("1", "Phát động phong trào thi đua yêu nước năm 2024", "Sở Nội vụ chủ trì, phối hợp với Ban Thi đua - Khen thưởng tỉnh", "tháng 01/2024"),
        new Task("2", "Tổ chức ký kết giao ước thi đua của các cụm, khối thi đua", "Ban TĐKT tỉnh chủ trì phối hợp với Sở Tài chính và các cơ quan liên quan", "Quý I/2024"),
        new Task("3", "Sơ kết phong trào thi đua 6 tháng đầu năm", "Ban TĐKT tỉnh chủ trì", "tháng 7/2024"),
        new Group("B", "CÔNG TÁC KHEN THƯỞNG"),
        new Task("1", "Xét khen thưởng tổng kết năm 2023", "Ban TĐKT tỉnh chủ trì phối hợp với Sở Tài chính", "cuối tháng 02/2024"),
        new Task("2", "Khen thưởng học sinh đạt giải cao trong kỳ thi học sinh giỏi quốc gia", "Sở Giáo dục và Đào tạo chủ trì phối hợp với Ban TĐKT tỉnh", "tháng 8/2024"),
        new Task("3", "Khen thưởng đột xuất các tập thể, cá nhân có thành tích xuất sắc", "Ban TĐKT tỉnh chủ trì", "thường xuyên"),
    ];

    public const string Heading = """
        ỦY BAN NHÂN DÂN
        TỈNH BẮC NINH
        Số: 15/KH-UBND
        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
        Độc lập - Tự do - Hạnh phúc
        Bắc Ninh, ngày 10 tháng 01 năm 2024
        KẾ HOẠCH
        Công tác thi đua, khen thưởng năm 2024
        """;

    public const string Body = """
        Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;
        Ủy ban nhân dân tỉnh ban hành Kế hoạch công tác thi đua, khen thưởng năm 2024 như sau:
        I. MỤC ĐÍCH, YÊU CẦU
        1. Mục đích
        - Phát huy truyền thống thi đua yêu nước.
        2. Yêu cầu
        - Công tác khen thưởng phải kịp thời, chính xác.
        II. NỘI DUNG
        """;

    public const string Duties = """
        III. TỔ CHỨC THỰC HIỆN
        1. Sở Nội vụ chủ trì, hướng dẫn, theo dõi việc thực hiện Kế hoạch này.
        """;

    public const string Recipients = """
        Nơi nhận:
        - Như trên;
        - Lưu: VT.
        """;

    public const string Signature = """
        TM. ỦY BAN NHÂN DÂN
        KT. CHỦ TỊCH
        PHÓ CHỦ TỊCH
        Nguyễn Văn Bình
        """;

    /// <summary>Tab-separated rows as in the seed; group rows carry their label in the TT column.</summary>
    public static string Text() =>
        Heading + "\n\n" + Body + "\n"
        + string.Join('\n', Rows.Select(r => r switch
        {
            Group g => $"{g.Label}\t<b>{g.Heading}</b>\t\t",
            Task t => $"{t.Number}\t{t.Content}\t{t.Units}\t{t.Due}",
            _ => "",
        }).Prepend("TT\tNội dung\tĐơn vị thực hiện\tThời gian thực hiện"))
        + "\n\n" + Duties + "\n" + Recipients + "\n" + Signature;

    /// <summary>A pipe table; group rows write their label inside the heading cell ("**B. CÔNG TÁC KHEN THƯỞNG**").</summary>
    public static string Markdown() =>
        Heading + "\n\n" + Body + "\n"
        + string.Join('\n', Rows.Select(r => r switch
        {
            Group g => $"| | **{g.Label}. {g.Heading}** | | |",
            Task t => $"| {t.Number} | {t.Content} | {t.Units} | {t.Due} |",
            _ => "",
        }).Prepend("|---|---|---|---|").Prepend("| STT | Nội dung công việc | Đơn vị thực hiện | Thời gian |"))
        + "\n\n" + Duties + "\n" + Recipients + "\n" + Signature;
}

/// <summary>
/// The grouped plan as Word lays such plans out: heading and signature in borderless layout tables (issuer and number |
/// motto, place and date; Nơi nhận | signature), the task table's columns in another order (TT | Thời gian | Nội dung |
/// Đơn vị), group rows merged across the row ("I" beside a merged heading, "B. …" across all four).
/// </summary>
internal static class GroupedPlanDocx
{
    public static byte[] Build()
    {
        var writer = new DocxWriter();
        writer.Table([
            [new DocxCell("ỦY BAN NHÂN DÂN\nTỈNH BẮC NINH\nSố: 15/KH-UBND", Bold: true),
             new DocxCell("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nBắc Ninh, ngày 10 tháng 01 năm 2024")],
        ]);
        writer.Paragraph("KẾ HOẠCH", bold: true).Paragraph("Công tác thi đua, khen thưởng năm 2024", bold: true);
        foreach (var line in Lines(GroupedPlan.Body)) writer.Paragraph(line);
        var rows = new List<IEnumerable<DocxCell>>
        {
            new DocxCell[] { new("TT"), new("Thời gian thực hiện"), new("Nội dung công việc"), new("Đơn vị thực hiện") },
        };
        foreach (var row in GroupedPlan.Rows)
        {
            rows.Add(row switch
            {
                GroupedPlan.Group { Label: "I" } g => [new DocxCell(g.Label, Bold: true), new DocxCell(g.Heading, Span: 3, Bold: true)],
                GroupedPlan.Group g => [new DocxCell($"{g.Label}. {g.Heading}", Span: 4, Bold: true)],
                GroupedPlan.Task t => [new DocxCell(t.Number), new DocxCell(t.Due), new DocxCell(t.Content), new DocxCell(t.Units)],
                _ => [],
            });
        }
        writer.Table(rows);
        foreach (var line in Lines(GroupedPlan.Duties)) writer.Paragraph(line);
        writer.Table([[new DocxCell(GroupedPlan.Recipients.Trim()), new DocxCell(GroupedPlan.Signature.Trim(), Bold: true)]]);
        return writer.ToBytes();
    }

    private static IEnumerable<string> Lines(string block) => block.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0);
}
