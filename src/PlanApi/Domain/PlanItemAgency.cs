namespace PlanApi.Domain;

/// <summary>
/// One agency's involvement in one item (it leads it or co-operates on it), with the item's place in an agency's
/// to-do list (due end, plan, ordinal). PostgreSQL keeps these rows in step with items and their coordinators
/// (triggers of the <c>AgencyItemsIndex</c> migration): the application only reads them.
/// </summary>
/// <remarks>
/// An agency's list is read in index order (agency, draft or not, due end, plan, ordinal), so a page costs its own
/// rows whatever the number of items an agency has across years of plans, and the list's total is counted from the
/// index alone.
/// </remarks>
public sealed class PlanItemAgency
{
    public Guid AgencyId { get; private set; }
    public Guid PlanItemId { get; private set; }
    public PlanItem? Item { get; private set; }

    /// <summary>True when the agency leads (chủ trì) the item, false when it co-operates (phối hợp).</summary>
    public bool Leads { get; private set; }

    /// <summary>The item's plan is a draft: hidden from public lists, and from the index's default range.</summary>
    public bool PlanIsDraft { get; private set; }

    public DateOnly DueEnd { get; private set; }
    public Guid PlanId { get; private set; }
    public Plan? Plan { get; private set; }
    public int Ordinal { get; private set; }
}
