using System.Globalization;
using System.Text.RegularExpressions;

namespace PlanApi.Cli;

/// <summary>
/// <c>dotnet PlanApi.dll --healthcheck [live|ready|URL]</c>: asks a running API's health endpoint and exits 0 when it
/// answers 2xx, 1 otherwise (refused, timed out or unhealthy). It is the container's health check: the ASP.NET
/// runtime image has no curl or wget, and this needs nothing but the app itself. It starts no host, reads no
/// configuration file and opens no database connection, so a check costs a process start and one local request.
/// </summary>
public static class HealthProbe
{
    public const string Flag = "--healthcheck";

    /// <summary>Bounds a check run by hand; in a container the check's own timeout ends it sooner.</summary>
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    public static bool IsCommand(string[] args) => args is [Flag, ..];

    public static Task<int> RunAsync(string[] args) => RunAsync(args, Environment.GetEnvironmentVariable, Console.Out);

    public static async Task<int> RunAsync(string[] args, Func<string, string?> environment, TextWriter output)
    {
        if (args is not ([Flag] or [Flag, _]) || Target(args is [_, var what] ? what : "live", environment) is not { } target)
        {
            await output.WriteLineAsync($"usage: {Flag} [live|ready|/path|http://host:port/path]");
            return 2;
        }
        // The API is on this machine: a proxy from the environment (HTTP_PROXY) must not stand in between.
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { Timeout = RequestTimeout };
        try
        {
            using var response = await http.GetAsync(target);
            await output.WriteLineAsync($"{target}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            await output.WriteLineAsync($"{target}: {e.Message}");
            return 1;
        }
    }

    /// <summary>
    /// A full URL as given; otherwise <c>live</c>, <c>ready</c> or a path on the address the app listens on: the first
    /// of ASPNETCORE_URLS (http preferred; a wildcard host is this machine), else ASPNETCORE_HTTP_PORTS, else
    /// Kestrel's default port 5000.
    /// </summary>
    public static Uri? Target(string what, Func<string, string?> environment)
    {
        if (Uri.TryCreate(what, UriKind.Absolute, out var url) && url.Scheme is "http" or "https") return url;
        var path = what switch
        {
            "live" => "/health/live",
            "ready" => "/health/ready",
            ['/', ..] => what,
            _ => null,
        };
        return path is null ? null : new Uri(ListeningAddress(environment), path);
    }

    private static Uri ListeningAddress(Func<string, string?> environment)
    {
        var urls = (environment("ASPNETCORE_URLS") ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (urls.OrderBy(u => u.StartsWith("http:", StringComparison.OrdinalIgnoreCase) ? 0 : 1).FirstOrDefault() is { } first)
        {
            // "http://+:8080", "http://*:8080", "http://0.0.0.0:8080", "http://[::]:8080": all of this machine's addresses.
            var local = Regex.Replace(first, @"^(\w+://)(\+|\*|0\.0\.0\.0|\[::\])(?=[:/]|$)", "${1}127.0.0.1");
            if (Uri.TryCreate(local, UriKind.Absolute, out var listening)) return listening;
        }
        var ports = (environment("ASPNETCORE_HTTP_PORTS") ?? "").Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var port = ports.Length > 0 && int.TryParse(ports[0], NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : 5000;
        return new UriBuilder("http", "127.0.0.1", port).Uri;
    }
}
