using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Wordprocessing;

namespace PlanApi.Tests.Unit.Documents;

/// <summary>
/// Renders the seed text as Word would hold it: a heading table (issuer and number | motto, place and date with a
/// superscript day), the task table as one real table (quarter rows as one cell merged across the row, task 30's
/// page-break rest as a row whose TT and unit cells are merged down), duties with automatic numbering, and a
/// signature table (Nơi nhận | TM. …). Written from the seed's lines here, independently of the parser.
/// </summary>
internal static partial class SeedDocx
{
    public static byte[] Build()
    {
        var lines = SeedFiles.SeedText.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var writer = new DocxWriter();
        writer.Table([
            [new DocxCell("ỦY BAN NHÂN DÂN\nTHÀNH PHỐ CẦN THƠ\nSố: 244/KH-UBND", Bold: true),
             new DocxCell("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc", Bold: true)],
        ]);
        writer.Runs(DocxWriter.Run("Cần Thơ, ngày"), DocxWriter.Run("20", superscript: true), DocxWriter.Run(" tháng 12 năm 2022"));

        var body = lines.SkipWhile(l => !l.Contains("KẾ HOẠCH")).ToList();
        var rows = new List<List<DocxCell>>();
        var inSection3 = false;
        var closing = body.FindIndex(l => l.Contains("Nơi nhận"));
        foreach (var line in body.Take(closing))
        {
            if (line.Contains('\t')) { rows.Add(TaskRow(line.Split('\t'), rows)); continue; }
            if (rows.Count > 0 && line.Trim().Length > 0) { writer.Table(rows); rows = []; }
            var text = Clean(line);
            if (text.Length == 0) continue;
            inSection3 |= text.StartsWith("III.", StringComparison.Ordinal);
            if (inSection3 && Numbered().Match(text) is { Success: true } m)
                writer.Paragraph(m.Groups[1].Value, list: DocxWriter.DecimalList);
            else
                writer.Paragraph(text, bold: line.TrimStart().StartsWith("**", StringComparison.Ordinal));
        }

        var recipients = body.Skip(closing + 1).Where(l => l.StartsWith("- ", StringComparison.Ordinal)).Select(Clean).ToList();
        writer.Table([
            [new DocxCell("Nơi nhận:\n" + string.Join('\n', recipients)),
             new DocxCell("TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n(Đã ký)\nTrần Việt Trường", Bold: true)],
        ]);
        return writer.ToBytes();
    }

    private static List<DocxCell> TaskRow(string[] cells, List<List<DocxCell>> rows)
    {
        var texts = cells.Select(Clean).ToList();
        if (texts[0].StartsWith("QUÝ", StringComparison.Ordinal)) return [new DocxCell(texts[0], Span: 3, Bold: true)];
        if (texts[0].Length == 0)
        {
            // Task 30 continues after the page break: in Word its TT and unit cells span both rows.
            var above = rows[^1];
            rows[^1] = [above[0] with { Merge = MergeDown.Restart }, above[1], above[2] with { Merge = MergeDown.Restart }];
            return [new DocxCell("", Merge: MergeDown.Continue), new DocxCell(texts[1]), new DocxCell("", Merge: MergeDown.Continue)];
        }
        var bold = texts[0] == "TT";
        return texts.Select(t => new DocxCell(t, Bold: bold)).ToList();
    }

    private static string Clean(string line) =>
        Regex.Replace(Regex.Replace(line.Replace("**", ""), "<[^>]+>", ""), @"^#+\s*", "").Trim();

    [GeneratedRegex(@"^\d+\.\s+(.*)$")]
    private static partial Regex Numbered();
}
