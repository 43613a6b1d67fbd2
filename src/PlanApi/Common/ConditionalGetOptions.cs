using System.ComponentModel.DataAnnotations;

namespace PlanApi.Common;

/// <summary>
/// Bounds and timing of the conditional-GET cache (<see cref="ConditionalGetCache"/>), bound from the
/// <c>ConditionalGet</c> section.
/// </summary>
public sealed class ConditionalGetOptions : IValidatableObject
{
    public const string Section = "ConditionalGet";

    /// <summary>ETags remembered to answer polls before routing, one per client and URL; the least recently used goes first.</summary>
    [Range(1, 10_000_000)]
    public int Capacity { get; set; } = 20_000;

    /// <summary>
    /// Computed answers kept (a plan's status per plan and visibility, an item list or a to-do page per query); the least
    /// recently used goes first.
    /// </summary>
    [Range(1, 1_000_000)]
    public int AnswerCapacity { get; set; } = 5_000;

    /// <summary>
    /// Items kept in memory as reads show them (the items' read model: a GET by key, a to-do page and a search read
    /// their rows from it), each dropped when a write changes it; the least recently used goes first.
    /// </summary>
    [Range(1, 10_000_000)]
    public int ItemCapacity { get; set; } = 20_000;

    /// <summary>How often the store's version is read: another instance's writes are seen within this.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public TimeSpan StoreCheckInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>A store version read longer ago than this is not trusted (the check is failing or starved): requests ask the database.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public TimeSpan StoreCheckMaxAge { get; set; } = TimeSpan.FromSeconds(1);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (StoreCheckMaxAge <= StoreCheckInterval)
        {
            yield return new ValidationResult(
                $"{nameof(StoreCheckMaxAge)} must be longer than {nameof(StoreCheckInterval)}, or every version would count as stale.",
                [nameof(StoreCheckMaxAge)]);
        }
    }
}
