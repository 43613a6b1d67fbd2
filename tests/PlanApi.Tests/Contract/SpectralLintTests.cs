using System.Diagnostics;

namespace PlanApi.Tests.Contract;

/// <summary>The committed contract passes Spectral's OpenAPI ruleset with no errors (tools/spectral, installed by scripts/test.sh).</summary>
public sealed class SpectralLintTests
{
    [Fact]
    public async Task The_contract_passes_Spectral_with_no_errors()
    {
        var tool = Path.Combine(OpenApiContractTests.RepositoryRoot(), "tools", "spectral");
        var spectral = Path.Combine(tool, "node_modules", ".bin", "spectral");
        Assert.True(File.Exists(spectral), $"Spectral is not installed: run `npm ci --prefix {tool}` (scripts/test.sh does).");

        var start = new ProcessStartInfo(spectral)
        {
            WorkingDirectory = tool,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            ArgumentList = { "lint", "../../openapi/v1.json", "--ruleset", ".spectral.yaml", "--fail-severity", "error", "--format", "text" },
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"Spectral found errors in openapi/v1.json:\n{await output}\n{await errors}");
    }
}
