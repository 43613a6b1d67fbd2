using System.CodeDom.Compiler;
using System.Reflection;
using System.Runtime.CompilerServices;
using PlanApi.Documents;

namespace PlanApi.Tests.Unit;

/// <summary>
/// Every type we write has a name of its own: Swashbuckle names schemas by the simple type name (nested types too),
/// and a reader finds a type by grepping for it. Generated code (the compiler's, the source generators', the
/// migrations') is named by its generator and left out.
/// </summary>
public sealed class TypeNameTests
{
    private static readonly Assembly[] Assemblies = [typeof(Program).Assembly, typeof(DuePhrase).Assembly];

    [Fact]
    public void No_two_types_of_the_API_and_the_document_reader_share_a_name()
    {
        var shared = SharedNames(Assemblies.SelectMany(a => a.GetTypes()).Where(IsWritten));

        Assert.True(shared.Count == 0, "Types sharing a name (rename one so that it says what it is):\n" + string.Join("\n", shared));
    }

    [Fact]
    public void The_check_sees_two_types_with_one_name_even_when_nested()
    {
        Assert.Equal(
            [$"Row: {typeof(CsvSheet.Row).FullName}, {typeof(JsonPage.Row).FullName}"],
            SharedNames([typeof(CsvSheet), typeof(CsvSheet.Row), typeof(JsonPage), typeof(JsonPage.Row)]));
        Assert.Empty(SharedNames([typeof(CsvSheet), typeof(JsonPage)]));
    }

    /// <summary>"Name: Full.Name, Other.Full.Name" for each simple name more than one type has.</summary>
    private static List<string> SharedNames(IEnumerable<Type> types) =>
        types.GroupBy(t => t.Name, StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(t => t.FullName).Order(StringComparer.Ordinal))}")
            .ToList();

    private static bool IsWritten(Type type) =>
        !type.Name.Contains('<') // closures, state machines, anonymous and file-local types
        && !IsGenerated(type)
        && type.Namespace != "PlanApi.Data.Migrations"
        && type.Namespace?.StartsWith("Mediator", StringComparison.Ordinal) != true;

    private static bool IsGenerated(Type? type)
    {
        for (; type is not null; type = type.DeclaringType)
        {
            if (type.IsDefined(typeof(CompilerGeneratedAttribute), false) || type.IsDefined(typeof(GeneratedCodeAttribute), false)) return true;
        }
        return false;
    }

    private static class CsvSheet
    {
        public sealed class Row;
    }

    private static class JsonPage
    {
        public sealed class Row;
    }
}
