namespace PlanApi.Domain;

/// <summary>
/// A cụm (cluster) or khối (block) thi đua for one year: its member agencies emulate each other,
/// led by a head (Trưởng) and a deputy (Phó) designated each year.
/// </summary>
public sealed class Grouping
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Code { get; init; }
    public GroupingKind Kind { get; set; }
    public required string Name { get; set; }
    public int Year { get; set; }
    public string? Description { get; set; }
    public Guid? HeadAgencyId { get; set; }
    public Agency? HeadAgency { get; set; }
    public Guid? DeputyAgencyId { get; set; }
    public Agency? DeputyAgency { get; set; }
    public List<GroupingMember> Members { get; set; } = [];
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
    public uint Version { get; private set; }
}

public sealed class GroupingMember
{
    public Guid GroupingId { get; init; }
    public Guid AgencyId { get; init; }
    public Agency? Agency { get; init; }
    public int Position { get; set; }
}
