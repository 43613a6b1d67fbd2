namespace PlanApi.Domain;

public static class PlanLifecycleRules
{
    /// <summary>draft → published → closed, and a closed plan may be reopened; nothing returns to draft.</summary>
    public static bool CanMove(PlanLifecycle from, PlanLifecycle to) => (from, to) switch
    {
        _ when from == to => true,
        (PlanLifecycle.Draft, PlanLifecycle.Published) => true,
        (PlanLifecycle.Draft, PlanLifecycle.Closed) => false,
        (PlanLifecycle.Published, PlanLifecycle.Closed) => true,
        (PlanLifecycle.Closed, PlanLifecycle.Published) => true,
        _ => false,
    };
}
