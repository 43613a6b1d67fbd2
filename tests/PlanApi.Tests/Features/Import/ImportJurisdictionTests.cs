using System.Net;
using Microsoft.EntityFrameworkCore;
using PlanApi.Domain;
using PlanApi.Tests.Infrastructure;
using PlanApi.Tests.Unit.Documents;

namespace PlanApi.Tests.Features.Import;

/// <summary>
/// The jurisdiction of an import over HTTP: a district, a central body, Cần Thơ after the 2025 reorganisation, a heading
/// several units fit (the jurisdiction field, the 422), and agencies that must not match outside their jurisdiction.
/// </summary>
public sealed class ImportJurisdictionTests(PlanApiFactory api) : IClassFixture<PlanApiFactory>
{
    private readonly HttpClient _admin = api.CreateClient();

    private async Task<System.Text.Json.Nodes.JsonNode> PreviewAsync(byte[] plan, string? jurisdiction = null) =>
        await (await _admin.PostAsync("/api/v1/plan-imports", ImportForm.Of(plan, jurisdiction: jurisdiction))).JsonAsync(HttpStatusCode.OK);

    private async Task<Agency> AgencyAsync(string code)
    {
        await using var db = api.NewDbContext();
        return await db.Agencies.SingleAsync(a => a.Code == code);
    }

    [Fact]
    public async Task A_district_plan_puts_its_offices_in_the_district_and_the_province_boards_in_the_province()
    {
        var preview = await PreviewAsync(ProvincePlans.KienXuong);
        Assert.Equal(("343", "Huyện Kiến Xương", "district", "34"), (preview["jurisdiction"]!["code"]!.GetValue<string>(),
            preview["jurisdiction"]!["fullName"]!.GetValue<string>(), preview["jurisdiction"]!["level"]!.GetValue<string>(),
            preview["jurisdiction"]!["provinceCode"]!.GetValue<string>()));
        Assert.Equal("ubnd-huyen-kien-xuong-thai-binh", preview["plan"]!["issuerCode"]!.GetValue<string>());
        Assert.Equal("phong-noi-vu-huyen-kien-xuong-thai-binh", ImportForm.Lead(preview, 1));
        // "UBND huyện" is the issuer itself; "Ban TĐKT tỉnh" the province's.
        Assert.Contains("ubnd-huyen-kien-xuong-thai-binh", ImportForm.Coordinators(preview, 1));
        Assert.Contains("ban-tdkt-thai-binh", ImportForm.Coordinators(preview, 1));
        Assert.Equal("ubnd-xa-tra-giang-thai-binh", ImportForm.Lead(preview, 2));
        Assert.Equal(["phong-noi-vu-huyen-kien-xuong-thai-binh", "so-noi-vu-thai-binh"], ImportForm.Coordinators(preview, 2));
        var jurisdictions = ImportForm.Unresolved(preview)
            .ToDictionary(u => u["provisionalCode"]!.GetValue<string>(), u => u["jurisdictionCode"]!.GetValue<string>());
        Assert.Equal(("343", "34", "13078", "34"), (jurisdictions["phong-noi-vu-huyen-kien-xuong-thai-binh"], jurisdictions["ban-tdkt-thai-binh"],
            jurisdictions["ubnd-xa-tra-giang-thai-binh"], jurisdictions["so-noi-vu-thai-binh"]));

        await (await _admin.PostAsync("/api/v1/plan-imports/commit", ImportForm.Of(ProvincePlans.KienXuong))).JsonAsync(HttpStatusCode.Created);
        var commune = await AgencyAsync("ubnd-xa-tra-giang-thai-binh");
        Assert.Equal(("13078", "34", AgencyKind.Government, false), (commune.JurisdictionCode, commune.JurisdictionProvinceCode, commune.Kind, commune.Verified));

        // The province's own plan then finds the province's boards the district's plan created.
        var province = await PreviewAsync(ProvincePlans.ThaiBinh);
        Assert.Equal(["so-noi-vu-thai-binh"], ImportForm.Coordinators(province, 1));
        Assert.DoesNotContain(ImportForm.Unresolved(province), u => u["provisionalCode"]!.GetValue<string>() is "so-noi-vu-thai-binh" or "ban-tdkt-thai-binh");
        Assert.Equal("ban-tdkt-thai-binh", ImportForm.Lead(province, 2));
    }

    [Fact]
    public async Task A_central_body_s_plan_matches_central_bodies_and_creates_central_ones()
    {
        var preview = await PreviewAsync(ProvincePlans.Ministry);
        Assert.Equal("central", preview["jurisdiction"]!["level"]!.GetValue<string>());
        Assert.Null(preview["jurisdiction"]!["code"]);
        Assert.Equal("ban-tdkt-trung-uong", preview["plan"]!["issuerCode"]!.GetValue<string>());
        Assert.Equal("trung-tam-thong-tin-thi-dua-khen-thuong-trung-uong", ImportForm.Lead(preview, 1));
        Assert.Equal(["van-phong-chinh-phu"], ImportForm.Coordinators(preview, 1));
        // Hà Nội's committee by its full name; Hà Nội's department, which the store lacks, becomes Hà Nội's.
        Assert.Equal(["ubnd-ha-noi", "so-noi-vu-ha-noi"], ImportForm.Coordinators(preview, 2));
        var unresolved = ImportForm.Unresolved(preview).ToDictionary(u => u["provisionalCode"]!.GetValue<string>());
        Assert.Null(unresolved["trung-tam-thong-tin-thi-dua-khen-thuong-trung-uong"]["jurisdictionCode"]);
        Assert.Equal("central_body", unresolved["trung-tam-thong-tin-thi-dua-khen-thuong-trung-uong"]["kind"]!.GetValue<string>());
        Assert.Equal("01", unresolved["so-noi-vu-ha-noi"]["jurisdictionCode"]!.GetValue<string>());

        await (await _admin.PostAsync("/api/v1/plan-imports/commit", ImportForm.Of(ProvincePlans.Ministry))).JsonAsync(HttpStatusCode.Created);
        var centre = await AgencyAsync("trung-tam-thong-tin-thi-dua-khen-thuong-trung-uong");
        Assert.Equal(((string?)null, AgencyKind.CentralBody, false), (centre.JurisdictionCode, centre.Kind, centre.Verified));
        var again = await PreviewAsync(ProvincePlans.Ministry);
        Assert.Empty(ImportForm.Unresolved(again));
    }

    [Fact]
    public async Task A_Can_Tho_plan_of_2026_resolves_among_the_agencies_and_units_valid_then()
    {
        var preview = await PreviewAsync(ProvincePlans.CanTho2026);
        Assert.Equal(("92", "2025-07-01"), (preview["jurisdiction"]!["code"]!.GetValue<string>(), preview["jurisdiction"]!["validFrom"]!.GetValue<string>()));
        Assert.Equal("ubnd-can-tho", preview["plan"]!["issuerCode"]!.GetValue<string>());
        Assert.Equal("ban-tdkt-can-tho", ImportForm.Lead(preview, 1));
        Assert.Equal(["so-noi-vu-can-tho", "ubnd-phuong-ninh-kieu-can-tho"], ImportForm.Coordinators(preview, 1));
        // Quận Ninh Kiều and tỉnh Hậu Giang ended on 2025-06-30: their committees are not matched, and the preview says why.
        var codes = ImportForm.Codes(preview);
        Assert.DoesNotContain("ninh-kieu", codes);
        Assert.DoesNotContain("ubnd-hau-giang", codes);
        var warnings = preview["warnings"]!.AsArray().Select(w => w!["message"]!.GetValue<string>()).ToList();
        Assert.Contains(warnings, w => w.Contains("quận Ninh Kiều") && w.Contains("2026-01-15"));
        Assert.Contains(warnings, w => w.Contains("tỉnh Hậu Giang"));
    }

    [Fact]
    public async Task A_heading_several_units_fit_is_not_guessed_and_the_jurisdiction_field_settles_it()
    {
        var preview = await PreviewAsync(ProvincePlans.ChauThanh);
        Assert.Null(preview["jurisdiction"]);
        var warning = preview["warnings"]!.AsArray()[0]!["message"]!.GetValue<string>();
        Assert.Contains("jurisdiction=", warning);
        Assert.Contains("933 Huyện Châu Thành (Tỉnh Hậu Giang)", warning);
        Assert.Contains("892 Huyện Châu Thành (Tỉnh An Giang)", warning);
        // No code without a jurisdiction: a placeholder no agency can have.
        Assert.All(ImportForm.Codes(preview), c => Assert.StartsWith("?", c));
        Assert.All(ImportForm.Unresolved(preview), u => Assert.Null(u["jurisdictionCode"]));

        int count;
        await using (var db = api.NewDbContext()) count = await db.Agencies.CountAsync();
        var problem = await (await _admin.PostAsync("/api/v1/plan-imports/commit", ImportForm.Of(ProvincePlans.ChauThanh)))
            .ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["jurisdiction"], problem.ErrorFields());
        Assert.Contains("933", problem["detail"]!.GetValue<string>());
        await using (var db = api.NewDbContext()) Assert.Equal(count, await db.Agencies.CountAsync());

        var settled = await PreviewAsync(ProvincePlans.ChauThanh, "933");
        Assert.Equal(("933", "request"), (settled["jurisdiction"]!["code"]!.GetValue<string>(), settled["jurisdiction"]!["origin"]!.GetValue<string>()));
        Assert.Equal("ubnd-huyen-chau-thanh-hau-giang", settled["plan"]!["issuerCode"]!.GetValue<string>());
        var plan = await (await _admin.PostAsync("/api/v1/plan-imports/commit", ImportForm.Of(ProvincePlans.ChauThanh, jurisdiction: "933")))
            .JsonAsync(HttpStatusCode.Created);
        Assert.Equal("draft", plan["lifecycle"]!.GetValue<string>());
        var office = await AgencyAsync("phong-noi-vu-huyen-chau-thanh-hau-giang");
        Assert.Equal(("933", "93"), (office.JurisdictionCode, office.JurisdictionProvinceCode));
    }

    [Fact]
    public async Task The_jurisdiction_field_overrides_the_heading_with_a_warning_and_is_checked()
    {
        var preview = await PreviewAsync(ProvincePlans.ThaiBinh, "40");
        Assert.Equal("40", preview["jurisdiction"]!["code"]!.GetValue<string>());
        Assert.Contains(preview["warnings"]!.AsArray(), w => w!["message"]!.GetValue<string>().Contains("Tỉnh Thái Bình (34)"));
        // Names without a locality go to the unit given; the issuer's name still says Thái Bình.
        Assert.Equal(["so-noi-vu-nghe-an"], ImportForm.Coordinators(preview, 1));
        Assert.Equal("ubnd-thai-binh", preview["plan"]!["issuerCode"]!.GetValue<string>());

        var central = await PreviewAsync(ProvincePlans.ThaiBinh, "central");
        Assert.Equal("central", central["jurisdiction"]!["level"]!.GetValue<string>());

        var malformed = await (await _admin.PostAsync("/api/v1/plan-imports", ImportForm.Of(ProvincePlans.ThaiBinh, jurisdiction: "Thái Bình")))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["jurisdiction"], malformed.ErrorFields());
        // Hưng Yên (33) took Thái Bình in on 1 July 2025; before that 34 was Thái Bình, and 99 was never a province.
        var unknown = await (await _admin.PostAsync("/api/v1/plan-imports/commit", ImportForm.Of(ProvincePlans.ThaiBinh, jurisdiction: "99")))
            .ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["jurisdiction"], unknown.ErrorFields());
    }

    [Fact]
    public async Task An_agency_from_before_jurisdictions_matches_nothing_by_its_short_name()
    {
        await using (var db = api.NewDbContext())
        {
            var legacy = new Agency { Code = "so-tai-chinh", Name = "Sở Tài chính", Kind = AgencyKind.Department, Verified = false };
            legacy.RefreshSearchKey();
            db.Agencies.Add(legacy);
            await db.SaveChangesAsync();
        }
        var preview = await (await _admin.PostAsync("/api/v1/plan-imports", ImportForm.Of(SeparateColumnsPlan.Docx(), "thai-binh.docx")))
            .JsonAsync(HttpStatusCode.OK);
        Assert.Equal("34", preview["jurisdiction"]!["code"]!.GetValue<string>());
        var codes = ImportForm.Codes(preview);
        Assert.Contains("so-tai-chinh-thai-binh", codes);
        Assert.DoesNotContain("so-tai-chinh", codes);
        Assert.DoesNotContain(codes, c => c.EndsWith("-can-tho", StringComparison.Ordinal));
    }
}
