using System.Diagnostics;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using PlanApi.Cli;
using PlanApi.Tests.Infrastructure;

namespace PlanApi.Tests.Data;

/// <summary>The API on a real port (Kestrel), for the container health check to ask over the network.</summary>
public class ListeningPlanApiFactory : PlanApiFactory
{
    public ListeningPlanApiFactory() => UseKestrel(0);

    /// <summary>Where the API listens, e.g. http://127.0.0.1:40123.</summary>
    public Uri Address
    {
        get
        {
            StartServer();
            return new Uri(Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
        }
    }

    /// <summary>Asks both health endpoints once, so that the checks under test do not pay the first request's start-up.</summary>
    public async Task WarmUpAsync()
    {
        using var client = CreateClient();
        (await client.GetAsync("/health/live")).Dispose();
        (await client.GetAsync("/health/ready")).Dispose();
    }
}

/// <summary>A listening API whose database holds no schema: alive, but not ready.</summary>
public sealed class ListeningUnmigratedApiFactory : ListeningPlanApiFactory
{
    protected override Task<string> CreateDatabaseAsync() => TestDatabase.CreateEmptyAsync("unmigratedprobe");

    protected override bool SeedsAdminKey => false;
}

/// <summary>Runs <c>dotnet PlanApi.dll --healthcheck …</c> as the Dockerfile's HEALTHCHECK and compose do.</summary>
internal static class HealthCheckCommand
{
    public static async Task<(int ExitCode, string Output)> RunAsync(Uri listening, string what)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "PlanApi.dll"), HealthProbe.Flag, what }) start.ArgumentList.Add(arg);
        // As in the image: the address comes from ASPNETCORE_URLS, with the wildcard host the container uses.
        start.Environment["ASPNETCORE_URLS"] = $"http://+:{listening.Port}";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }
}

public sealed class HealthProbeTests(ListeningPlanApiFactory api) : IClassFixture<ListeningPlanApiFactory>
{
    [Fact]
    public async Task The_image_health_check_command_exits_0_while_the_API_is_live_and_ready()
    {
        await api.WarmUpAsync();
        var live = await HealthCheckCommand.RunAsync(api.Address, "live");
        Assert.True(live.ExitCode == 0, live.Output);
        Assert.Contains("/health/live: 200 Healthy", live.Output);

        var ready = await HealthCheckCommand.RunAsync(api.Address, "ready");
        Assert.True(ready.ExitCode == 0, ready.Output);
        Assert.Contains("/health/ready: 200 Healthy", ready.Output);
    }

    [Fact]
    public async Task A_URL_that_is_not_healthy_or_not_answering_exits_1()
    {
        await api.WarmUpAsync();
        var output = new StringWriter();
        Assert.Equal(1, await HealthProbe.RunAsync([HealthProbe.Flag, new Uri(api.Address, "/health/none").ToString()], _ => null, output));
        Assert.Contains(": 404", output.ToString());

        // Port 1 on this machine: nothing listens there, so the connection is refused.
        Assert.Equal(1, await HealthProbe.RunAsync([HealthProbe.Flag, "http://127.0.0.1:1/health/live"], _ => null, new StringWriter()));
    }

    [Fact]
    public async Task Unknown_arguments_are_a_usage_error()
    {
        var output = new StringWriter();
        Assert.Equal(2, await HealthProbe.RunAsync([HealthProbe.Flag, "soon"], _ => null, output));
        Assert.Equal(2, await HealthProbe.RunAsync([HealthProbe.Flag, "live", "ready"], _ => null, output));
        Assert.Contains("usage:", output.ToString());
    }

    [Theory]
    [InlineData("http://+:8080", null, "live", "http://127.0.0.1:8080/health/live")]
    [InlineData("http://*:5080;https://*:5443", null, "ready", "http://127.0.0.1:5080/health/ready")]
    [InlineData("https://0.0.0.0:5443;http://[::]:5081", null, "live", "http://127.0.0.1:5081/health/live")]
    [InlineData("http://localhost:5000", null, "/swagger", "http://localhost:5000/swagger")]
    [InlineData(null, "8080", "ready", "http://127.0.0.1:8080/health/ready")]
    [InlineData(null, null, "live", "http://127.0.0.1:5000/health/live")]
    [InlineData("http://+:8080", null, "http://api.internal:9000/health/ready", "http://api.internal:9000/health/ready")]
    public void The_target_is_the_address_the_app_listens_on(string? urls, string? ports, string what, string expected)
    {
        var environment = new Dictionary<string, string?> { ["ASPNETCORE_URLS"] = urls, ["ASPNETCORE_HTTP_PORTS"] = ports };
        Assert.Equal(new Uri(expected), HealthProbe.Target(what, name => environment.GetValueOrDefault(name)));
    }
}

public sealed class UnreadyHealthProbeTests(ListeningUnmigratedApiFactory api) : IClassFixture<ListeningUnmigratedApiFactory>
{
    [Fact]
    public async Task The_health_check_command_exits_1_for_ready_while_the_database_is_not_migrated_and_0_for_live()
    {
        await api.WarmUpAsync();
        var ready = await HealthCheckCommand.RunAsync(api.Address, "ready");
        Assert.True(ready.ExitCode == 1, ready.Output);
        Assert.Contains("/health/ready: 503 Unhealthy", ready.Output);

        var live = await HealthCheckCommand.RunAsync(api.Address, "live");
        Assert.True(live.ExitCode == 0, live.Output);
    }
}
