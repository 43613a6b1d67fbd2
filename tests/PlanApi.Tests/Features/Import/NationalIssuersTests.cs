using System.Net;
using System.Text;
using PlanApi.Tests.Infrastructure;
using PlanApi.Tests.Unit.Documents;

namespace PlanApi.Tests.Features.Import;

/// <summary>
/// A Quảng Nam plan citing the Quốc hội, the Chính phủ and the Thủ tướng Chính phủ: its legal bases resolve to those
/// national issuers (seeded central bodies), not to agencies to create, and its "TM. / KT." signature is kept whole.
/// </summary>
public sealed class NationalIssuersTests(PlanApiFactory api) : IClassFixture<PlanApiFactory>
{
    private readonly HttpClient _admin = api.CreateClient();

    [Fact]
    public async Task National_issuers_of_legal_bases_are_central_bodies_not_unresolved_agencies()
    {
        var bytes = Encoding.UTF8.GetBytes(LegalBasisAndSignatureTests.Plan);
        var preview = await (await _admin.PostAsync("/api/v1/plan-imports", ImportForm.Of(bytes, "quang-nam.txt"))).JsonAsync(HttpStatusCode.OK);
        var bases = preview["plan"]!["legalBases"]!.AsArray();
        Assert.Equal([null, null, "quoc-hoi", "chinh-phu", "thu-tuong-chinh-phu", "hdnd-quang-nam"],
            bases.Select(b => b!["issuerCode"]?.GetValue<string>()));
        var unresolved = ImportForm.Unresolved(preview).Select(u => u["provisionalCode"]!.GetValue<string>()).ToList();
        Assert.DoesNotContain(unresolved, c => c.Contains("quoc-hoi") || c.Contains("chinh-phu"));

        var signature = preview["plan"]!["signature"]!;
        Assert.Equal(("TM.", "Ủy ban nhân dân", "KT.", "Chủ tịch", "Phó Chủ tịch", "Trần Văn Tân"),
            (signature["authorityPrefix"]!.GetValue<string>(), signature["authorityBody"]!.GetValue<string>(),
             signature["signingForPrefix"]!.GetValue<string>(), signature["signingFor"]!.GetValue<string>(),
             signature["position"]!.GetValue<string>(), signature["signer"]!.GetValue<string>()));
    }
}
