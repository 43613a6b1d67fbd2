using System.Net;
using Microsoft.EntityFrameworkCore;
using PlanApi.Domain;
using PlanApi.Tests.Infrastructure;

namespace PlanApi.Tests.Features.Import;

/// <summary>
/// The acceptance, over HTTP on a store that holds only Cần Thơ's agencies: a Thái Bình plan previews with no
/// Cần Thơ agency, committed twice it creates each of its agencies once, and Nghệ An's boards are not Thái Bình's.
/// One story in one test, on its own database, so that no other import has created these agencies before it.
/// </summary>
public sealed class ProvinceImportTests(PlanApiFactory api) : IClassFixture<PlanApiFactory>
{
    private readonly HttpClient _admin = api.CreateClient();

    private async Task<int> AgencyCountAsync()
    {
        await using var db = api.NewDbContext();
        return await db.Agencies.CountAsync();
    }

    [Fact]
    public async Task A_Thai_Binh_plan_gets_Thai_Binh_agencies_once_and_Nghe_An_its_own()
    {
        var response = await _admin.PostAsync("/api/v1/plan-imports", ImportForm.Of(ProvincePlans.ThaiBinh));
        var raw = await response.Content.ReadAsStringAsync();
        var preview = await response.JsonAsync(HttpStatusCode.OK);
        Assert.DoesNotContain("can-tho", raw);
        var jurisdiction = preview["jurisdiction"]!;
        Assert.Equal(("34", "Tỉnh Thái Bình", "province", "2025-06-30", "heading"),
            (jurisdiction["code"]!.GetValue<string>(), jurisdiction["fullName"]!.GetValue<string>(), jurisdiction["level"]!.GetValue<string>(),
             jurisdiction["validUntil"]!.GetValue<string>(), jurisdiction["origin"]!.GetValue<string>()));
        Assert.Empty(preview["warnings"]!.AsArray());

        // Every agency is Thái Bình's, but the central board and Hà Nội's committee, which the plan names as such.
        var codes = ImportForm.Codes(preview);
        Assert.All(codes.Except(["ban-tdkt-trung-uong", "ubnd-ha-noi"]), c => Assert.EndsWith("-thai-binh", c));
        Assert.Contains("ban-tdkt-trung-uong", codes);
        Assert.Contains("ubnd-ha-noi", ImportForm.Coordinators(preview, 5));
        Assert.Equal("ubnd-thai-binh", preview["plan"]!["issuerCode"]!.GetValue<string>());
        // "Ban Thi đua - Khen thưởng tỉnh" and "Ban TĐKT tỉnh" are one board.
        Assert.Equal(ImportForm.Lead(preview, 1), ImportForm.Lead(preview, 2));
        Assert.Equal("ban-tuyen-giao-tinh-uy-thai-binh", ImportForm.Lead(preview, 3));
        Assert.Equal(["bao-thai-binh", "dai-phat-thanh-va-truyen-hinh-thai-binh"], ImportForm.Coordinators(preview, 3));
        Assert.Equal("so-giao-duc-va-dao-tao-thai-binh", ImportForm.Lead(preview, 4));
        Assert.Equal(["so-noi-vu-thai-binh"], ImportForm.Coordinators(preview, 1));

        var unresolved = ImportForm.Unresolved(preview);
        Assert.All(unresolved, u => Assert.Equal("34", u["jurisdictionCode"]!.GetValue<string>()));
        var provisional = unresolved.ToDictionary(u => u["provisionalCode"]!.GetValue<string>(), u => u["provisionalName"]!.GetValue<string>());
        Assert.Equal(8, provisional.Count);
        Assert.Equal("Sở Nội vụ tỉnh Thái Bình", provisional["so-noi-vu-thai-binh"]);
        Assert.Equal("Ban Tuyên giáo Tỉnh ủy Thái Bình", provisional["ban-tuyen-giao-tinh-uy-thai-binh"]);
        Assert.Equal("Ủy ban nhân dân tỉnh Thái Bình", provisional["ubnd-thai-binh"]);

        // Committed, then committed again in place of its draft: each agency exists once.
        var before = await AgencyCountAsync();
        await (await _admin.PostAsync("/api/v1/plan-imports/commit", ImportForm.Of(ProvincePlans.ThaiBinh))).JsonAsync(HttpStatusCode.Created);
        Assert.Equal(before + provisional.Count, await AgencyCountAsync());
        await (await _admin.PostAsync("/api/v1/plan-imports/commit", ImportForm.Of(ProvincePlans.ThaiBinh, replaceDraft: true)))
            .JsonAsync(HttpStatusCode.Created);
        Assert.Equal(before + provisional.Count, await AgencyCountAsync());
        await using (var db = api.NewDbContext())
        {
            var created = await db.Agencies.Where(a => provisional.Keys.Contains(a.Code)).ToListAsync();
            Assert.Equal(provisional.Count, created.Count);
            Assert.All(created, a => Assert.Equal(("34", "34", false, (DateOnly?)null), (a.JurisdictionCode, a.JurisdictionProvinceCode, a.Verified, a.ValidFrom)));
            Assert.Equal(AgencyKind.PartyBody, created.Single(a => a.Code == "ban-tuyen-giao-tinh-uy-thai-binh").Kind);
            Assert.Equal(AgencyKind.Press, created.Single(a => a.Code == "bao-thai-binh").Kind);
        }
        var again = await (await _admin.PostAsync("/api/v1/plan-imports", ImportForm.Of(ProvincePlans.ThaiBinh))).JsonAsync(HttpStatusCode.OK);
        Assert.Empty(ImportForm.Unresolved(again));
        Assert.Equal(codes, ImportForm.Codes(again));
        Assert.True(again["existingIsDraft"]!.GetValue<bool>());

        // Nghệ An names the same boards and gets its own.
        var ngheAn = await (await _admin.PostAsync("/api/v1/plan-imports", ImportForm.Of(ProvincePlans.NgheAn))).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("40", ngheAn["jurisdiction"]!["code"]!.GetValue<string>());
        Assert.Equal("ban-tuyen-giao-tinh-uy-nghe-an", ImportForm.Lead(ngheAn, 2));
        Assert.Equal(["ban-tuyen-giao-tinh-uy-nghe-an"], ImportForm.Coordinators(ngheAn, 1));
        Assert.Equal("so-noi-vu-nghe-an", ImportForm.Lead(ngheAn, 1));
        Assert.All(ImportForm.Codes(ngheAn), c => Assert.EndsWith("-nghe-an", c));
        await (await _admin.PostAsync("/api/v1/plan-imports/commit", ImportForm.Of(ProvincePlans.NgheAn))).JsonAsync(HttpStatusCode.Created);
        await using (var db = api.NewDbContext())
        {
            var boards = await db.Agencies.Where(a => a.Name.StartsWith("Ban Tuyên giáo Tỉnh ủy")).OrderBy(a => a.Code).ToListAsync();
            Assert.Equal([("ban-tuyen-giao-tinh-uy-nghe-an", "40"), ("ban-tuyen-giao-tinh-uy-thai-binh", "34")],
                boards.Select(a => (a.Code, a.JurisdictionCode!)));
        }
    }
}
