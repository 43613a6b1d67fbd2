namespace PlanApi.Documents.Sources;

/// <summary>
/// What every input form is reduced to before the plan is read: paragraphs and tables in document order,
/// with clean text and where each came from.
/// </summary>
internal sealed record SourceDocument(IReadOnlyList<SourceBlock> Blocks, PlanDocumentFormat Format);

internal abstract record SourceBlock(DocumentLocation Location);

/// <summary>A non-empty paragraph (or line) with tags stripped and whitespace collapsed.</summary>
internal sealed record SourceParagraph(string Text, bool IsBold, DocumentLocation Location) : SourceBlock(Location);

/// <summary>A table; text rows separated by a blank line are separate tables (page breaks) and are joined later.</summary>
internal sealed record SourceTable(IReadOnlyList<SourceRow> Rows, DocumentLocation Location) : SourceBlock(Location);

internal sealed record SourceRow(IReadOnlyList<SourceCell> Cells, DocumentLocation Location)
{
    public SourceCell? At(int column) => column >= 0 && column < Cells.Count ? Cells[column] : null;

    public string TextAt(int column) => At(column)?.Text ?? "";

    /// <summary>Cells that carry text of their own (not copies from a merge).</summary>
    public IEnumerable<SourceCell> OwnCells => Cells.Where(c => !c.IsMergeCopy && c.Text.Length > 0);
}

/// <summary>
/// One grid cell. A Word cell merged across columns fills its grid columns with copies marked SpannedFromLeft;
/// a cell merged down from the row above is a copy marked MergedFromAbove, so that a lead spanning several tasks
/// is inherited by each of them while a split task is not duplicated.
/// </summary>
internal sealed record SourceCell(
    string Text,
    IReadOnlyList<string> Lines,
    bool IsBold,
    bool MergedFromAbove = false,
    bool SpannedFromLeft = false)
{
    public bool IsMergeCopy => MergedFromAbove || SpannedFromLeft;

    public static SourceCell Empty { get; } = new("", [], false);
}
