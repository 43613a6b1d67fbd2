using PlanApi.Common;
using PlanApi.Domain;

namespace PlanApi.Features.AdministrativeUnits;

/// <summary>Contract examples of units: Cần Thơ after 1 July 2025, where Phường Ninh Kiều took in three former wards.</summary>
internal sealed class AdministrativeUnitExamples : IContractExamples
{
    private static readonly DateOnly Reorganised = new(2025, 7, 1);
    private static readonly DateOnly LastDayBefore = new(2025, 6, 30);
    private static readonly AdministrativeUnitRefDto CanTho = new("92", "Thành phố Cần Thơ");

    private static readonly AdministrativeUnitDto PhuongNinhKieu = new(
        "31135", UnitLevel.Commune, "Ninh Kiều", "Phường Ninh Kiều", "Phường", "92", CanTho, Reorganised, null, [], [],
        [FormerWard("31123", "Thới Bình"), FormerWard("31135", "Tân An"), FormerWard("31144", "Xuân Khánh"),
         new("916", "Quận Ninh Kiều", UnitLevel.District, null, LastDayBefore, SuccessionKind.SplitAmong, Reorganised)]);

    public IReadOnlyDictionary<Type, object> Examples => new Dictionary<Type, object>
    {
        [typeof(AdministrativeUnitDto)] = PhuongNinhKieu,
        [typeof(Page<AdministrativeUnitSummaryDto>)] = new Page<AdministrativeUnitSummaryDto>(
            [Ward("31120", "Cái Khế"), Ward("31135", "Ninh Kiều")], 103, 2, 0, "/api/v1/administrative-units?parent=92&asOf=2025-07-01&limit=2&offset=2"),
    };

    private static AdministrativeUnitSummaryDto Ward(string code, string name) =>
        new(code, UnitLevel.Commune, name, $"Phường {name}", "Phường", "92", CanTho, Reorganised, null);

    private static AdministrativeUnitSuccessionDto FormerWard(string code, string name) =>
        new(code, $"Phường {name}", UnitLevel.Commune, null, LastDayBefore, SuccessionKind.MergedInto, Reorganised);
}
