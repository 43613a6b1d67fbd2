using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using PlanApi.Common;
using PlanApi.Data;
using PlanApi.Domain;
using PlanApi.Features.Import;
using PlanApi.Tests.Infrastructure;
using PlanApi.Tests.Unit.Documents;

namespace PlanApi.Tests.Features.Import;

/// <summary>
/// The Cần Thơ data in seeds/ is exactly what the importer produces from the document in seeds/, read as the API reads
/// it: in the jurisdiction its heading gives, against the seeded agencies and administrative units.
/// </summary>
public sealed class SeedIsImporterOutputTests(PlanApiFactory api) : IClassFixture<PlanApiFactory>
{
    [Fact]
    public async Task The_seeded_plan_equals_the_import_of_the_seed_document_field_by_field()
    {
        await using var db = api.NewDbContext();
        var imported = await PlanImports.ReadAsync(db, Encoding.UTF8.GetBytes(SeedFiles.SeedText), "KH-244-UBND-CanTho-2023.txt", null, default);
        Assert.Empty(imported.Warnings);
        Assert.Empty(imported.UnresolvedAgencies);
        Assert.Equal("92", imported.Jurisdiction.Unit?.Code);

        var seeded = JsonNode.Parse(File.ReadAllText(Path.Combine(SeedFiles.RepoRoot, "seeds", "plans", "kh-244-ubnd-2023.json")))!;
        var produced = JsonSerializer.SerializeToNode(imported.Plan with { Lifecycle = PlanLifecycle.Published }, ETags.Json)!;
        var differences = new List<string>();
        Compare("", Normalize(seeded), Normalize(produced), differences);
        Assert.True(differences.Count == 0, "The seed differs from the importer's output:\n" + string.Join('\n', differences.Take(40)));
        Assert.Equal(32, imported.Plan.Items.Count);
        Assert.Equal(18, imported.Plan.Items.Count(i => i.Due is not null));
    }

    /// <summary>The seed file is hand-readable JSON: the same data may leave out nulls and empty lists.</summary>
    private static JsonNode? Normalize(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.Where(p => p.Value is not null && p.Value is not JsonArray { Count: 0 })
            .Select(p => KeyValuePair.Create(p.Key, Normalize(p.Value)))),
        JsonArray a => new JsonArray(a.Select(Normalize).ToArray()),
        JsonValue v => JsonNode.Parse(v.ToJsonString()),
        _ => null,
    };

    private static void Compare(string path, JsonNode? expected, JsonNode? actual, List<string> differences)
    {
        switch (expected, actual)
        {
            case (JsonObject e, JsonObject a):
                foreach (var key in e.Select(p => p.Key).Union(a.Select(p => p.Key)))
                    Compare($"{path}.{key}", e[key], a[key], differences);
                break;
            case (JsonArray e, JsonArray a):
                if (e.Count != a.Count) differences.Add($"{path}: {e.Count} entries in the seed, {a.Count} imported");
                for (var i = 0; i < Math.Min(e.Count, a.Count); i++) Compare($"{path}[{i}]", e[i], a[i], differences);
                break;
            default:
                if (!JsonNode.DeepEquals(expected, actual))
                    differences.Add($"{path}: seed {expected?.ToJsonString() ?? "(none)"} ≠ imported {actual?.ToJsonString() ?? "(none)"}");
                break;
        }
    }
}
