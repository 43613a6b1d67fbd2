using PlanApi.Common;
using PlanApi.Domain;
using PlanApi.Features.Plans;

namespace PlanApi.Features.Agencies;

/// <summary>Contract examples of agencies: Cần Thơ's Sở GD&amp;ĐT, and a district that ended on 30 June 2025.</summary>
internal sealed class AgencyExamples : IContractExamples
{
    public static readonly AgencyRefDto UbndCanTho = new("ubnd-can-tho", "Ủy ban nhân dân thành phố Cần Thơ", "UBND thành phố");
    public static readonly AgencyRefDto BanTdkt = new("ban-tdkt-can-tho", "Ban Thi đua - Khen thưởng thành phố Cần Thơ", "Ban TĐKT thành phố");
    public static readonly AgencyRefDto SoGddt = new("so-gddt-can-tho", "Sở Giáo dục và Đào tạo thành phố Cần Thơ", "Sở Giáo dục và Đào tạo");

    private static readonly JurisdictionDto CanThoJurisdiction = new("92", "Thành phố Cần Thơ", UnitLevel.Province, new DateOnly(2025, 7, 1), null);

    private static readonly AgencyDto Agency = new(
        "so-gddt-can-tho", SoGddt.Name, SoGddt.ShortName, ["Sở GD&ĐT", "Sở Giáo dục và Đào tạo thành phố"], AgencyKind.Department, null, true,
        "92", CanThoJurisdiction, null, null, true, "000.00.18.H13", null, [], [], [], PlanExamples.Created, PlanExamples.Created);

    /// <summary>A district that ended on 30 June 2025: its open items are on its successors' lists.</summary>
    private static readonly AgencyDto EndedDistrict = new(
        "ninh-kieu", "Ủy ban nhân dân quận Ninh Kiều", "Quận Ninh Kiều", ["UBND quận Ninh Kiều"], AgencyKind.District, null, true,
        "916", new JurisdictionDto("916", "Quận Ninh Kiều", UnitLevel.District, null, new DateOnly(2025, 6, 30)),
        null, new DateOnly(2025, 6, 30), false, null, null, [],
        [new AgencySuccessionDto("ubnd-phuong-ninh-kieu-can-tho", "Ủy ban nhân dân phường Ninh Kiều", SuccessionKind.SplitAmong, new DateOnly(2025, 7, 1)),
         new AgencySuccessionDto("ubnd-phuong-tan-an-can-tho", "Ủy ban nhân dân phường Tân An", SuccessionKind.SplitAmong, new DateOnly(2025, 7, 1))],
        [], PlanExamples.Created, PlanExamples.Created);

    public IReadOnlyDictionary<Type, object> Examples => new Dictionary<Type, object>
    {
        [typeof(AgencyDto)] = Agency,
        [typeof(Page<AgencyDto>)] = new Page<AgencyDto>([Agency, EndedDistrict], 2, 20, 0),
        [typeof(CreateAgencyCommand)] = new CreateAgencyCommand(
            "so-gddt-can-tho", SoGddt.Name, SoGddt.ShortName, ["Sở GD&ĐT"], AgencyKind.Department, null, "92", IdentifierCode: "000.00.18.H13"),
        [typeof(AgencyFields)] = new AgencyFields(EndedDistrict.Name, EndedDistrict.ShortName, EndedDistrict.Aliases, AgencyKind.District, null,
            "916", null, new DateOnly(2025, 6, 30), null, null,
            [new AgencySuccessorInput("ubnd-phuong-ninh-kieu-can-tho", SuccessionKind.SplitAmong),
             new AgencySuccessorInput("ubnd-phuong-tan-an-can-tho", SuccessionKind.SplitAmong)]),
    };
}
