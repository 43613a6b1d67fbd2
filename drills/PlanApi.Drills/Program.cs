using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using PlanApi.Drills;

// PlanApi fault drills and soak; see drills/README.md. Started by drills/run.sh, which prepares the database,
// the build and the first credentials, and passes everything as options.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
Config config;
try
{
    config = Config.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}
Directory.CreateDirectory(config.Out);
using var http = LoadClient.CreateHttp(config.ApiUrl);

void Say(string message) => Console.WriteLine($"[drills {Clock.Now,7:F1}s] {message}");

// Setup: the seeded plan, the agencies' items, and more reporter credentials so that no credential nears the
// per-client rate limit (50 requests/s) under load.
Say("setup: starting the API");
var setupCtx = new DrillContext(config, http, Guid.Empty, []);
var setupApi = await setupCtx.StartApiAsync("setup");
Guid planId;
var keys = new List<ReporterKey>();
try
{
    var lines = File.ReadAllLines(config.KeysFile).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();
    var admin = lines.First(l => l[0] == "admin")[1];
    var reporters = lines.Where(l => l[0] == "reporter").Select(l => (Agency: l[1], Key: l[2])).ToList();
    using (var plans = await http.GetFromJsonAsync<JsonDocument>("api/v1/plans?year=2023&issuer=ubnd-can-tho"))
        planId = plans!.RootElement.GetProperty("items")[0].GetProperty("id").GetGuid();
    var itemsOf = new Dictionary<string, int[]>();
    foreach (var agency in reporters.Select(r => r.Agency).Distinct())
    {
        using var items = await http.GetFromJsonAsync<JsonDocument>($"api/v1/agencies/{agency}/items?limit=100");
        itemsOf[agency] = items!.RootElement.GetProperty("items").EnumerateArray()
            .Where(i => i.GetProperty("planId").GetGuid() == planId).Select(i => i.GetProperty("ordinal").GetInt32()).ToArray();
        if (itemsOf[agency].Length == 0) throw new InvalidOperationException($"{agency} has no item in the seeded plan.");
    }
    foreach (var (agency, key) in reporters) keys.Add(new ReporterKey(key, agency, itemsOf[agency]));
    // More through POST /api/v1/api-keys, 32 credentials in all, so that each stays far below the per-client rate
    // limit. Reports go to the agencies in proportion to their credentials: the agency with the most items (Ban TĐKT
    // leads all 32) gets 20, the others (one item each) 4 each, so that one item's row lock is not the bottleneck.
    foreach (var agency in itemsOf.Keys)
    {
        var wanted = itemsOf[agency].Length > 1 ? 20 : 4;
        for (var i = 2; i <= wanted; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/api-keys")
            {
                Content = new StringContent(
                    JsonSerializer.Serialize(new { clientName = $"drills {agency} {i}", role = "reporter", agencyCode = agency }),
                    Encoding.UTF8, "application/json"),
            };
            request.Headers.Add("X-Api-Key", admin);
            using var response = await http.SendAsync(request);
            response.EnsureSuccessStatusCode();
            using var issued = await response.Content.ReadFromJsonAsync<JsonDocument>();
            keys.Add(new ReporterKey(issued!.RootElement.GetProperty("key").GetString()!, agency, itemsOf[agency]));
        }
    }
}
finally
{
    await setupApi.StopAsync(TimeSpan.FromSeconds(40));
}
Say($"setup: plan {planId}, {keys.Count} reporter credentials for {keys.Select(k => k.Agency).Distinct().Count()} agencies");

var ctx = new DrillContext(config, http, planId, keys);
var order = config.Mode == "all" ? new[] { "db-outage", "kill", "sigterm", "soak" } : [config.Mode];
var allPassed = true;
foreach (var name in order)
{
    Report.LoadAtStart = Report.LoadAverage();
    Say($"{name}: running (load average {Report.LoadAtStart})");
    DrillResult result;
    try
    {
        result = name switch
        {
            "db-outage" => await Drills.DbOutageAsync(ctx),
            "kill" => await Drills.KillAsync(ctx),
            "sigterm" => await Drills.SigtermAsync(ctx),
            _ => await Drills.SoakAsync(ctx),
        };
    }
    catch (Exception e)
    {
        result = new DrillResult(name, false, $"The drill itself failed: `{e.GetType().Name}: {e.Message.ReplaceLineEndings(" ")}`");
        Console.Error.WriteLine(e);
    }
    allPassed &= result.Passed;
    Report.Write(config, result);
    Say($"{name}: {(result.Passed ? "PASSED" : "FAILED")} (details in {Path.GetRelativePath(config.Repo, config.Report)})");
}
return allPassed ? 0 : 1;
