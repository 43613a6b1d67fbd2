using PlanApi.Documents.Sources;
using PlanApi.Documents.Tables;

namespace PlanApi.Documents.Parsing;

/// <summary>Reads a source document (any input form) into a plan: heading, body, task table, closing.</summary>
internal static class PlanDocumentParser
{
    public static PlanDocument Parse(SourceDocument source)
    {
        if (source.Blocks.Count == 0)
            throw new PlanDocumentException("The document has no text.", DocumentLocation.File);

        var warnings = new List<ParseWarning>();
        var (fragments, tableBlocks) = TaskTableLocator.Find(source.Blocks);
        if (fragments.Count == 0)
            throw new PlanDocumentException(
                "No task table found: expected a table whose header names an ordinal column (TT/STT), a content column "
                + "(Nội dung) and an executing-unit column (Đơn vị thực hiện, or Cơ quan chủ trì / phối hợp).",
                source.Blocks.OfType<SourceTable>().FirstOrDefault()?.Location ?? DocumentLocation.File);

        var lines = DocumentLines.From(source.Blocks, tableBlocks);
        var (header, bodyStart) = HeaderParser.Parse(lines, warnings);
        var body = BodySections.Parse(lines, bodyStart);
        var (recipients, signature) = ClosingParser.Parse(lines, body.ClosingStart);
        var items = TaskTableParser.Parse(fragments, header.PlanYear, warnings);

        if (header.Number is null && header.DocumentType is null)
            warnings.Add(new("no document number (Số: …/KH-…) was found", DocumentLocation.File));
        if (header.Title is null)
            warnings.Add(new("no document type line (KẾ HOẠCH) and title were found", DocumentLocation.File));

        // A row read twice (a merged cell, a repeated header) says the same thing once.
        return new PlanDocument(header, body.LegalBases, body.Preamble, body.Purposes, body.Requirements,
            items, body.Duties, recipients, signature, warnings.Distinct().ToList(), source.Format);
    }
}
