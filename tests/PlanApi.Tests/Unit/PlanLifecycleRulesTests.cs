using PlanApi.Domain;

namespace PlanApi.Tests.Unit;

/// <summary>draft → published → closed; a closed plan may be reopened; nothing returns to draft.</summary>
public sealed class PlanLifecycleRulesTests
{
    [Theory]
    [InlineData(PlanLifecycle.Draft, PlanLifecycle.Draft, true)]
    [InlineData(PlanLifecycle.Published, PlanLifecycle.Published, true)]
    [InlineData(PlanLifecycle.Closed, PlanLifecycle.Closed, true)]
    [InlineData(PlanLifecycle.Draft, PlanLifecycle.Published, true)]
    [InlineData(PlanLifecycle.Draft, PlanLifecycle.Closed, false)]
    [InlineData(PlanLifecycle.Published, PlanLifecycle.Closed, true)]
    [InlineData(PlanLifecycle.Published, PlanLifecycle.Draft, false)]
    [InlineData(PlanLifecycle.Closed, PlanLifecycle.Published, true)]
    [InlineData(PlanLifecycle.Closed, PlanLifecycle.Draft, false)]
    public void Allowed_moves(PlanLifecycle from, PlanLifecycle to, bool allowed) =>
        Assert.Equal(allowed, PlanLifecycleRules.CanMove(from, to));

    [Fact]
    public void Nothing_returns_to_draft()
    {
        foreach (var from in Enum.GetValues<PlanLifecycle>().Where(l => l != PlanLifecycle.Draft))
            Assert.False(PlanLifecycleRules.CanMove(from, PlanLifecycle.Draft));
    }
}
