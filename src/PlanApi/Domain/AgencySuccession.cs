namespace PlanApi.Domain;

/// <summary>
/// An agency that ended and the agency that took over its work (merger, split, rename), from a date: the successor
/// inherits the predecessor's open items.
/// </summary>
public sealed class AgencySuccession
{
    public Guid PredecessorId { get; init; }
    public Agency? Predecessor { get; init; }
    public Guid SuccessorId { get; init; }
    public Agency? Successor { get; init; }
    public SuccessionKind Kind { get; init; }

    /// <summary>The successor's first day in charge: the day after the predecessor's last.</summary>
    public DateOnly EffectiveOn { get; init; }
}
