using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace PlanApi.Tests.Unit.Documents;

/// <summary>A cell to write: text (one paragraph per line), merged across columns or down from the row above, optionally auto-numbered.</summary>
internal sealed record DocxCell(string Text, int Span = 1, bool Bold = false, MergeDown Merge = MergeDown.None, int? List = null);

internal enum MergeDown { None, Restart, Continue }

/// <summary>
/// Writes small .docx files for the tests with DocumentFormat.OpenXml, as Word lays them out: real tables,
/// merged cells (gridSpan, vMerge), bold and superscript runs, and automatic numbering ("1." kept out of the text).
/// </summary>
internal sealed class DocxWriter
{
    public const int DecimalList = 1;
    public const int BulletList = 2;
    public const int RomanList = 3;

    /// <summary>A paragraph style numbered I., II., III. by the style itself, as Word headings often are.</summary>
    public const string SectionStyle = "PlanSection";

    private readonly Body _body = new();

    public DocxWriter Paragraph(string text, bool bold = false, int? list = null, string? style = null)
    {
        var paragraph = new Paragraph();
        if (list is { } numId)
            paragraph.Append(new ParagraphProperties(new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = numId })));
        else if (style is not null)
            paragraph.Append(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        paragraph.Append(Run(text, bold));
        _body.Append(paragraph);
        return this;
    }

    /// <summary>A paragraph of runs, e.g. "Cần Thơ, ngày" + superscript "20" + " tháng 12 năm 2022".</summary>
    public DocxWriter Runs(params Run[] runs)
    {
        _body.Append(new Paragraph(runs));
        return this;
    }

    public DocxWriter Table(IEnumerable<IEnumerable<DocxCell>> rows)
    {
        var list = rows.Select(r => r.ToList()).ToList();
        var width = list.Max(r => r.Sum(c => c.Span));
        var table = new Table(
            new TableProperties(new TableBorders(new InsideHorizontalBorder { Val = BorderValues.Single })),
            new TableGrid(Enumerable.Range(0, width).Select(_ => new GridColumn { Width = "2000" })));
        foreach (var row in list)
            table.Append(new TableRow(row.Select(Cell)));
        _body.Append(table);
        return this;
    }

    public static Run Run(string text, bool bold = false, bool superscript = false)
    {
        var properties = new RunProperties();
        if (bold) properties.Append(new Bold());
        if (superscript) properties.Append(new VerticalTextAlignment { Val = VerticalPositionValues.Superscript });
        return new Run(properties, new Text(text) { Space = SpaceProcessingModeValues.Preserve });
    }

    public byte[] ToBytes()
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(_body);
            main.AddNewPart<NumberingDefinitionsPart>().Numbering = new Numbering(
                List(DecimalList, NumberFormatValues.Decimal, "%1."),
                List(BulletList, NumberFormatValues.Bullet, "-"),
                List(RomanList, NumberFormatValues.UpperRoman, "%1."),
                new NumberingInstance(new AbstractNumId { Val = DecimalList }) { NumberID = DecimalList },
                new NumberingInstance(new AbstractNumId { Val = BulletList }) { NumberID = BulletList },
                new NumberingInstance(new AbstractNumId { Val = RomanList }) { NumberID = RomanList });
            main.AddNewPart<StyleDefinitionsPart>().Styles = new Styles(
                new Style(
                    new StyleName { Val = "Plan section" },
                    new StyleParagraphProperties(new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = RomanList })))
                { Type = StyleValues.Paragraph, StyleId = SectionStyle });
        }
        return stream.ToArray();
    }

    private static AbstractNum List(int id, NumberFormatValues format, string text) =>
        new(new Level(new StartNumberingValue { Val = 1 }, new NumberingFormat { Val = format }, new LevelText { Val = text }) { LevelIndex = 0 })
        { AbstractNumberId = id };

    private static TableCell Cell(DocxCell cell)
    {
        var properties = new TableCellProperties();
        if (cell.Span > 1) properties.Append(new GridSpan { Val = cell.Span });
        if (cell.Merge == MergeDown.Restart) properties.Append(new VerticalMerge { Val = MergedCellValues.Restart });
        if (cell.Merge == MergeDown.Continue) properties.Append(new VerticalMerge());
        var tableCell = new TableCell(properties);
        var lines = cell.Merge == MergeDown.Continue ? [""] : cell.Text.Split('\n');
        foreach (var line in lines)
        {
            var paragraph = new Paragraph();
            if (cell.List is { } numId)
                paragraph.Append(new ParagraphProperties(new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = numId })));
            paragraph.Append(Run(line, cell.Bold));
            tableCell.Append(paragraph);
        }
        return tableCell;
    }
}
