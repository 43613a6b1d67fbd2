using PlanApi.Common.Writes;
using PlanApi.Data;

namespace PlanApi.Features.Agencies;

/// <summary>Agencies in the audit trail and the change feed, keyed by code.</summary>
internal sealed class AgencyResource : WritableResource<AgencyDto>
{
    public const string TypeName = "agency";

    public override string Type => TypeName;

    public override string Link(string key) => $"/api/v1/agencies/{key}";

    protected override string KeyOf(AgencyDto agency) => agency.Code;

    protected override Task<AgencyDto?> ReadAsync(PlanDbContext db, TimeProvider clock, string key, CancellationToken ct) =>
        GetAgencyHandler.FindAsync(db, clock, key, ct);
}
