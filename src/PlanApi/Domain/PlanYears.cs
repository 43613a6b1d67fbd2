namespace PlanApi.Domain;

/// <summary>The years a plan, a grouping or a due date may be in: every validator and filter checks against these.</summary>
public static class PlanYears
{
    public const int First = 2000;
    public const int Last = 2100;

    /// <summary>"2000–2100", as messages and the contract write the range.</summary>
    public const string Range = "2000–2100";

    public static bool Contains(int year) => year is >= First and <= Last;
}
