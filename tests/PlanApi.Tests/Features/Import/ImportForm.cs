using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace PlanApi.Tests.Features.Import;

/// <summary>The multipart body of POST /plan-imports and /commit, and what a preview answers, read back.</summary>
internal static class ImportForm
{
    public static MultipartFormDataContent Of(byte[] content, string fileName = "plan.txt", bool replaceDraft = false, string? jurisdiction = null)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        if (replaceDraft) form.Add(new StringContent("true"), "replaceDraft");
        if (jurisdiction is not null) form.Add(new StringContent(jurisdiction), "jurisdiction");
        return form;
    }

    /// <summary>Every agency code a preview uses: issuer, legal-basis issuers, duties, leads and co-operating agencies.</summary>
    public static IReadOnlyList<string> Codes(JsonNode preview)
    {
        var plan = preview["plan"]!;
        return new[] { plan["issuerCode"] }
            .Concat(plan["legalBases"]!.AsArray().Select(b => b!["issuerCode"]))
            .Concat(plan["duties"]!.AsArray().SelectMany(d => d!["agencyCodes"]!.AsArray()))
            .Concat(preview["items"]!.AsArray().SelectMany(i => i!["coordinatingAgencyCodes"]!.AsArray().Prepend(i["leadAgencyCode"])))
            .Where(c => c is not null)
            .Select(c => c!.GetValue<string>())
            .Distinct()
            .ToList();
    }

    public static string Lead(JsonNode preview, int ordinal) =>
        preview["items"]!.AsArray().Single(i => i!["ordinal"]!.GetValue<int>() == ordinal)!["leadAgencyCode"]!.GetValue<string>();

    public static IReadOnlyList<string> Coordinators(JsonNode preview, int ordinal) =>
        preview["items"]!.AsArray().Single(i => i!["ordinal"]!.GetValue<int>() == ordinal)!["coordinatingAgencyCodes"]!.AsArray()
            .Select(c => c!.GetValue<string>()).ToList();

    public static IReadOnlyList<JsonNode> Unresolved(JsonNode preview) => preview["unresolvedAgencies"]!.AsArray().Select(a => a!).ToList();
}
