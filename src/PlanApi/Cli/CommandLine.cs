using Mediator;
using PlanApi.Common;
using PlanApi.Domain;
using PlanApi.Features.ApiKeys;
using PlanApi.Features.Import;

namespace PlanApi.Cli;

/// <summary>
/// Administrative commands that run the API's own handlers against its database, e.g. the first admin key:
/// <c>scripts/cli.sh keys create --client "Ban TĐKT thành phố" --role admin</c>.
/// </summary>
public static class CommandLine
{
    private const string Usage = """
        usage:
          keys create --client NAME --role admin|reporter|reader [--agency CODE]
          keys list [--all]
          keys revoke ID
          import FILE [--jurisdiction CODE|central] [--commit [--replace-draft]]
                                                     preview a plan document (.docx, .txt, .md), or import it as a draft;
                                                     --jurisdiction names the issuer's unit when the heading does not
        """;

    public static bool IsCommand(string[] args) => args.Length > 0 && args[0] is "keys" or "import" or "help";

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var sender = scope.ServiceProvider.GetRequiredService<ISender>();
        try
        {
            switch (args)
            {
                case ["keys", "create", ..]:
                    var role = EnumNames<ClientRole>.TryParse(Option(args, "--role"), out var parsed)
                        ? parsed : throw new ArgumentException("--role must be admin, reporter or reader.");
                    var issued = await sender.Send(new CreateApiKeyCommand(Option(args, "--client") ?? "", role, Option(args, "--agency")));
                    Console.WriteLine($"Issued {EnumNames<ClientRole>.ToName(issued.Role)} key {issued.Id} to '{issued.ClientName}'" +
                        (issued.AgencyCode is null ? "." : $" for {issued.AgencyCode}."));
                    Console.WriteLine("Store it now; it is not shown again:");
                    Console.WriteLine(issued.Key);
                    return 0;
                case ["keys", "list", ..]:
                    var page = await sender.Send(new ListApiKeysQuery(args.Contains("--all"), Paging.MaxLimit, 0));
                    foreach (var k in page.Items)
                        Console.WriteLine($"{k.Id}  {k.KeyStart}…  {EnumNames<ClientRole>.ToName(k.Role),-8}  {k.AgencyCode ?? "-",-24}  {k.ClientName}{(k.RevokedAt is null ? "" : "  (revoked)")}");
                    return 0;
                case ["keys", "revoke", var id]:
                    await sender.Send(new RevokeApiKeyCommand(Guid.Parse(id)));
                    Console.WriteLine($"Revoked {id}.");
                    return 0;
                case ["import", var path, ..]:
                    return await ImportAsync(sender, path, args.Contains("--commit"), args.Contains("--replace-draft"), Option(args, "--jurisdiction"));
                default:
                    Console.Error.WriteLine(Usage);
                    return 2;
            }
        }
        catch (RequestValidationException e)
        {
            foreach (var (field, messages) in e.Errors) Console.Error.WriteLine($"{field}: {string.Join(" ", messages)}");
            return 2;
        }
        catch (UnprocessableException e)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }
        catch (Exception e) when (e is ApiException or ArgumentException or FormatException or IOException)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }
    }

    /// <summary>The same preview and commit as POST /api/v1/plan-imports and /commit.</summary>
    private static async Task<int> ImportAsync(ISender sender, string path, bool commit, bool replaceDraft, string? jurisdiction)
    {
        // scripts/cli.sh runs the app from its project folder: relative paths are the caller's.
        var full = Path.GetFullPath(path, Environment.GetEnvironmentVariable("PLANAPI_CALLER_DIR") ?? Directory.GetCurrentDirectory());
        var content = await File.ReadAllBytesAsync(full);
        var name = Path.GetFileName(path);
        if (commit)
        {
            var plan = await sender.Send(new CommitPlanImportCommand(content, name, replaceDraft, jurisdiction));
            Console.WriteLine($"Imported {plan.Number} ({plan.ItemCount} items) as draft plan {plan.Id}.");
            return 0;
        }
        var preview = await sender.Send(new PreviewPlanImportQuery(content, name, jurisdiction));
        Console.WriteLine($"{preview.Plan.Number} — {preview.Plan.Title} ({preview.Format}): {preview.Items.Count} items, " +
            $"{preview.Items.Count(i => i.Due is not null)} with a due month, {preview.Warnings.Count} warnings, " +
            $"{preview.UnresolvedAgencies.Count} unresolved agencies.");
        Console.WriteLine(preview.Jurisdiction is { } j ? $"  jurisdiction: {j.FullName} ({j.Code ?? "central"})" : "  jurisdiction: not determined (see the warnings)");
        foreach (var warning in preview.Warnings) Console.WriteLine($"  warning ({warning.Location}): {warning.Message}");
        foreach (var agency in preview.UnresolvedAgencies) Console.WriteLine($"  unresolved: {agency.Name} → {agency.ProvisionalCode}");
        if (preview.ExistingPlanId is { } existing)
            Console.WriteLine($"  exists already: {existing}{(preview.ExistingIsDraft ? " (draft: --replace-draft replaces it)" : "")}");
        Console.WriteLine("Nothing written. Add --commit to import it as a draft.");
        return 0;
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
