namespace PlanApi.Documents;

/// <summary>An agency as the matcher knows it: its code and every name it goes by (former names too, for older plans).</summary>
public sealed record AgencyEntry(
    string Code, string Name, string? ShortName = null, IReadOnlyList<string>? Aliases = null, IReadOnlyList<string>? FormerNames = null)
{
    public IEnumerable<string> AllNames =>
        new[] { Name, ShortName }.Concat(Aliases ?? []).Concat(FormerNames ?? []).Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n!);
}
