namespace PlanApi.Common;

/// <summary>
/// Example values for the OpenAPI contract, by the type they show. Each feature declares its own
/// (<c>Features/Plans/PlanExamples.cs</c>, …), taken from plan 244/KH-UBND of Cần Thơ; they are found by type.
/// </summary>
public interface IContractExamples
{
    IReadOnlyDictionary<Type, object> Examples { get; }
}

internal static class ContractExamples
{
    private static readonly Lazy<IReadOnlyDictionary<Type, object>> All = new(() =>
        typeof(IContractExamples).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IContractExamples).IsAssignableFrom(t))
            .SelectMany(t => ((IContractExamples)Activator.CreateInstance(t)!).Examples)
            .ToDictionary(e => e.Key, e => e.Value));

    public static IReadOnlyDictionary<Type, object> Values => All.Value;

    public static T Of<T>() where T : class => (T)Values[typeof(T)];
}
