namespace PlanApi.Documents;

/// <summary>The input forms the reader understands. Named so as not to clash with the DocumentFormat.OpenXml namespace.</summary>
public enum PlanDocumentFormat
{
    /// <summary>Plain text: tab-separated table rows, inline HTML tags.</summary>
    Text,
    /// <summary>Markdown: pipe tables, **bold**, # headings (tab rows are accepted too).</summary>
    Markdown,
    /// <summary>Word .docx (Office Open XML).</summary>
    Docx,
}
