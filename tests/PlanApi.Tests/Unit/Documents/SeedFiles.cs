using System.Text;
using System.Text.Json;
using PlanApi.Documents;

namespace PlanApi.Tests.Unit.Documents;

/// <summary>The seed plan document, its hand-made data and the agencies, read from the repository.</summary>
internal static class SeedFiles
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string SeedText => File.ReadAllText(Path.Combine(RepoRoot, "seeds", "KH-244-UBND-CanTho-2023.txt"));

    public static JsonElement SeedPlan { get; } = Load(Path.Combine("seeds", "plans", "kh-244-ubnd-2023.json"));

    /// <summary>The seeded agencies as a Cần Thơ plan of 2023 sees them.</summary>
    public static SeedAgencies Agencies { get; } = new(SeedAgencies.MatcherFor("92"));

    public static PlanDocument ReadText(string text, string fileName = "plan.txt") =>
        PlanDocumentReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), fileName);

    private static JsonElement Load(string relativePath) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoRoot, relativePath))).RootElement;

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "PlanApi.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("PlanApi.sln not found above the test binaries.");
    }
}
