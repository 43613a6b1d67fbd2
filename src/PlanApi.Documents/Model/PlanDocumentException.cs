namespace PlanApi.Documents;

/// <summary>
/// The input cannot be read as a plan (empty, binary, no task table, rows that make no sense).
/// The API turns it into a 4xx problem; Location says where to look.
/// </summary>
public sealed class PlanDocumentException(string message, DocumentLocation location)
    : Exception($"{message} ({location})")
{
    public string Reason { get; } = message;
    public DocumentLocation Location { get; } = location;
}
