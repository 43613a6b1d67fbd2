using System.Globalization;
using System.Text.Json;
using PlanApi.Documents;

namespace PlanApi.Tests.Unit.Documents;

/// <summary>
/// Compares a parsed plan with seeds/plans/kh-244-ubnd-2023.json field by field, agencies resolved with
/// seeds/agencies.json, and lists every difference (not only the first) so that a failure says all that is wrong.
/// </summary>
internal static class SeedPlanComparison
{
    public static List<string> ItemDifferences(PlanDocument document)
    {
        var differences = new List<string>();
        var expected = SeedFiles.SeedPlan.GetProperty("items").EnumerateArray().ToList();
        if (document.Items.Count != expected.Count)
            differences.Add($"items: expected {expected.Count}, got {document.Items.Count}");
        foreach (var e in expected)
        {
            var ordinal = e.GetProperty("ordinal").GetInt32();
            var item = document.Items.FirstOrDefault(i => i.Ordinal == ordinal);
            if (item is null) { differences.Add($"task {ordinal}: missing"); continue; }
            void Check(string field, object? want, object? got)
            {
                if (!Equals(want, got)) differences.Add($"task {ordinal} {field}: expected «{want}», got «{got}»");
            }
            Check("content", e.GetProperty("content").GetString(), item.Content);
            Check("quarter", e.GetProperty("quarter").GetInt32(), item.Quarter);
            Check("lead", e.GetProperty("leadCode").GetString(), SeedFiles.Agencies.Resolve(item.LeadName));
            Check("leadRole", e.GetProperty("leadRole").GetString(), item.LeadRole);
            Check("coordinators", Join(e.GetProperty("coordinatorCodes").EnumerateArray().Select(c => c.GetString())),
                Join(item.CoordinatorNames.Select(SeedFiles.Agencies.Resolve)));
            Check("andRelatedAgencies", e.GetProperty("andRelatedAgencies").GetBoolean(), item.AndRelatedAgencies);
            Check("executingUnitsText", e.GetProperty("executingUnitsText").GetString(), item.ExecutingUnitsText);
            Check("due", DueOf(e.GetProperty("due")), DueOf(item.Due));
            Check("dueText", e.GetProperty("dueText").GetString(), item.Due?.Text);
            Check("collectives", "", Join(item.CollectiveNames));
        }
        return differences;
    }

    public static List<string> DocumentDifferences(PlanDocument document)
    {
        var plan = SeedFiles.SeedPlan;
        var agencies = SeedFiles.Agencies;
        var differences = new List<string>();
        void Check(string field, object? want, object? got)
        {
            if (!Equals(want, got)) differences.Add($"{field}: expected «{want}», got «{got}»");
        }
        var header = document.Header;
        Check("issuer", plan.GetProperty("issuerCode").GetString(), agencies.Resolve(header.IssuerName));
        Check("number", plan.GetProperty("number").GetString(), header.Number);
        Check("documentType", plan.GetProperty("documentType").GetString(), header.DocumentType);
        Check("place", plan.GetProperty("place").GetString(), header.Place);
        Check("issuedOn", DateOnly.Parse(plan.GetProperty("issuedOn").GetString()!, CultureInfo.InvariantCulture), header.IssuedOn);
        Check("year", plan.GetProperty("year").GetInt32(), header.PlanYear);
        Check("title", plan.GetProperty("title").GetString(), header.Title);
        Check("preamble", plan.GetProperty("preamble").GetString(), document.Preamble);

        var bases = plan.GetProperty("legalBases").EnumerateArray().ToList();
        Check("legalBases.count", bases.Count, document.LegalBases.Count);
        foreach (var (e, got) in bases.Zip(document.LegalBases))
        {
            var n = e.GetProperty("number").GetString();
            Check($"legalBasis {n} number", n, got.Number);
            Check($"legalBasis {n} type", e.GetProperty("documentType").GetString(), got.DocumentType);
            Check($"legalBasis {n} date", DateOnly.Parse(e.GetProperty("date").GetString()!, CultureInfo.InvariantCulture), got.Date);
            Check($"legalBasis {n} issuerName", e.GetProperty("issuerName").GetString(), got.IssuerName);
            Check($"legalBasis {n} issuerCode", e.GetProperty("issuerCode").GetString(), agencies.Resolve(got.IssuerName));
            Check($"legalBasis {n} title", e.GetProperty("title").GetString(), got.Title);
        }
        CheckPoints("purposes", plan.GetProperty("purposes"), document.Purposes, Check);
        CheckPoints("requirements", plan.GetProperty("requirements"), document.Requirements, Check);

        var duties = plan.GetProperty("duties").EnumerateArray().ToList();
        Check("duties.count", duties.Count, document.Duties.Count);
        foreach (var (e, got) in duties.Zip(document.Duties))
        {
            var n = e.GetProperty("ordinal").GetInt32();
            Check($"duty {n} ordinal", n, got.Ordinal);
            Check($"duty {n} text", e.GetProperty("text").GetString(), got.Text);
            Check($"duty {n} agencies", Join(e.GetProperty("agencyCodes").EnumerateArray().Select(c => c.GetString())),
                Join(got.AgencyNames.Select(agencies.Resolve)));
        }
        Check("recipients", Join(plan.GetProperty("recipients").EnumerateArray().Select(r => r.GetString()), " | "),
            Join(document.Recipients, " | "));
        var signature = plan.GetProperty("signature");
        Check("signature", string.Join(" / ", new[] { "authorityPrefix", "authorityBody", "position", "signer" }.Select(p => signature.GetProperty(p).GetString())),
            document.Signature is { } s ? $"{s.AuthorityPrefix} / {s.AuthorityBody} / {s.Position} / {s.Signer}" : null);
        return differences;
    }

    private static void CheckPoints(string name, JsonElement expected, IReadOnlyList<LabeledPoint> got, Action<string, object?, object?> check)
    {
        var points = expected.EnumerateArray().ToList();
        check($"{name}.count", points.Count, got.Count);
        foreach (var (e, g) in points.Zip(got))
            check($"{name} {e.GetProperty("label").GetString()}", $"{e.GetProperty("label").GetString()}) {e.GetProperty("text").GetString()}", $"{g.Label}) {g.Text}");
    }

    private static string? DueOf(JsonElement due) =>
        due.ValueKind == JsonValueKind.Null ? null
            : $"{due.GetProperty("year").GetInt32()}-{due.GetProperty("month").GetInt32():00} {due.GetProperty("part").GetString()}";

    private static string? DueOf(DuePhrase? due) =>
        due is null ? null
            : due.Kind is DuePhraseKind.Month or DuePhraseKind.MonthPart ? $"{due.Year}-{due.Month:00} {due.Part.ToString()!.ToLowerInvariant()}"
            : $"{due.Kind} {due.Text}";

    private static string Join(IEnumerable<string?> values, string separator = ", ") => string.Join(separator, values.Select(v => v ?? "(unresolved)"));
}
