namespace PlanApi.Documents;

/// <summary>
/// Where something is in the source: a line of a text or Markdown file, or a paragraph / table row of a .docx
/// (all 1-based), so that an error message can send a person to the right place.
/// </summary>
public sealed record DocumentLocation(int? Line = null, int? Paragraph = null, int? Table = null, int? Row = null)
{
    public static DocumentLocation File { get; } = new();

    public static DocumentLocation AtLine(int line) => new(Line: line);

    public static DocumentLocation AtRow(int table, int row) => new(Table: table, Row: row);

    public override string ToString() =>
        Line is { } line ? $"line {line}"
        : Table is { } table ? Row is { } row ? $"table {table}, row {row}" : $"table {table}"
        : Paragraph is { } paragraph ? $"paragraph {paragraph}"
        : "file";
}
