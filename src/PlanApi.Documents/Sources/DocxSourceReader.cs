using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using PlanApi.Documents.Parsing;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace PlanApi.Documents.Sources;

/// <summary>
/// Reads a .docx body into paragraphs and real tables. Merged cells are expanded onto the grid (see
/// <see cref="SourceCell"/>) so that columns keep their meaning; automatic numbering is rendered into the text.
/// </summary>
internal static class DocxSourceReader
{
    public static SourceDocument Read(Stream content)
    {
        WordprocessingDocument document;
        try
        {
            document = WordprocessingDocument.Open(content, false);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or FileFormatException)
        {
            throw new PlanDocumentException("The file is a ZIP package but not a readable Word document (.docx).", DocumentLocation.File);
        }
        using (document)
        {
            var body = document.MainDocumentPart?.Document?.Body
                ?? throw new PlanDocumentException("The Word document has no body.", DocumentLocation.File);
            var main = document.MainDocumentPart!;
            var reader = new Walker(new DocxNumbering(main.NumberingDefinitionsPart?.Numbering, main.StyleDefinitionsPart?.Styles));
            reader.Walk(body);
            return new SourceDocument(reader.Blocks, PlanDocumentFormat.Docx);
        }
    }

    private sealed class Walker(DocxNumbering numbering)
    {
        public List<SourceBlock> Blocks { get; } = [];
        private int _paragraphs;
        private int _tables;

        public void Walk(OpenXmlElement container)
        {
            foreach (var element in container.ChildElements)
            {
                switch (element)
                {
                    case W.Paragraph p:
                        _paragraphs++;
                        var (text, bold) = ReadParagraph(p);
                        if (text.Length > 0) Blocks.Add(new SourceParagraph(text, bold, new DocumentLocation(Paragraph: _paragraphs)));
                        break;
                    case W.Table t:
                        _tables++;
                        Blocks.Add(ReadTable(t, _tables));
                        break;
                    case W.SdtBlock sdt when sdt.SdtContentBlock is { } sdtContent:
                        Walk(sdtContent);
                        break;
                }
            }
        }

        private SourceTable ReadTable(W.Table table, int index)
        {
            var rows = new List<SourceRow>();
            List<SourceCell>? above = null;
            var rowNumber = 0;
            foreach (var tr in table.Elements<W.TableRow>())
            {
                rowNumber++;
                var cells = new List<SourceCell>();
                var before = tr.TableRowProperties?.GetFirstChild<W.GridBefore>()?.Val?.Value ?? 0;
                for (var i = 0; i < before; i++) cells.Add(SourceCell.Empty);
                foreach (var tc in tr.Elements<W.TableCell>())
                {
                    var properties = tc.TableCellProperties;
                    var span = Math.Max(1, properties?.GridSpan?.Val?.Value ?? 1);
                    var merge = properties?.VerticalMerge;
                    var continues = merge is not null && (merge.Val is null || merge.Val.Value == W.MergedCellValues.Continue);
                    var column = cells.Count;
                    var cell = continues
                        ? (above is not null && column < above.Count ? above[column] : SourceCell.Empty) with { MergedFromAbove = true, SpannedFromLeft = false }
                        : ReadCell(tc);
                    cells.Add(cell);
                    for (var i = 1; i < span; i++) cells.Add(cell with { SpannedFromLeft = true });
                }
                rows.Add(new SourceRow(cells, DocumentLocation.AtRow(index, rowNumber)));
                above = cells;
            }
            return new SourceTable(rows, new DocumentLocation(Table: index));
        }

        private SourceCell ReadCell(W.TableCell cell)
        {
            var lines = new List<string>();
            var allBold = true;
            foreach (var p in cell.Descendants<W.Paragraph>())
            {
                var (text, bold) = ReadParagraph(p);
                if (text.Length == 0) continue;
                lines.Add(text);
                allBold &= bold;
            }
            var joined = VietnameseText.Collapse(string.Join(" ", lines));
            return new SourceCell(joined, lines, lines.Count > 0 && allBold);
        }

        private (string Text, bool Bold) ReadParagraph(W.Paragraph paragraph)
        {
            var sb = new StringBuilder();
            var label = numbering.Next(paragraph);
            if (label is not null) sb.Append(label).Append(' ');
            var allBold = true;
            var anyText = false;
            foreach (var run in paragraph.Descendants<W.Run>())
            {
                var start = sb.Length;
                foreach (var child in run.ChildElements)
                {
                    switch (child)
                    {
                        case W.Text t: sb.Append(t.Text); break;
                        case W.TabChar: sb.Append(' '); break;
                        case W.Break or W.CarriageReturn: sb.Append(' '); break;
                        case W.NoBreakHyphen: sb.Append('-'); break;
                    }
                }
                if (sb.Length > start && !string.IsNullOrWhiteSpace(sb.ToString(start, sb.Length - start)))
                {
                    anyText = true;
                    allBold &= IsBold(run.RunProperties);
                }
            }
            var text = VietnameseText.Collapse(sb.ToString().Normalize(NormalizationForm.FormC));
            return (text, anyText && allBold);
        }

        private static bool IsBold(W.RunProperties? properties) =>
            properties?.Bold is { } bold && (bold.Val is null || bold.Val.Value);
    }
}
