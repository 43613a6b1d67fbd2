using PlanApi.Domain;

namespace PlanApi.Data;

/// <summary>Builds a plan and its items from plan data (a seed file, or what an import read from a document).</summary>
public static class PlanData
{
    /// <param name="ids">Agency ids by code; every code the data names must be there.</param>
    public static Plan Build(SeedPlan data, IReadOnlyDictionary<string, Guid> ids, DateTimeOffset now)
    {
        var plan = new Plan
        {
            IssuerId = ids[data.IssuerCode], Number = data.Number, DocumentType = data.DocumentType ?? "KH", Place = data.Place,
            IssuedOn = data.IssuedOn, Year = data.Year, Title = data.Title, Preamble = data.Preamble,
            LegalBases = data.LegalBases ?? [], Purposes = data.Purposes ?? [], Requirements = data.Requirements ?? [],
            Duties = data.Duties ?? [], Recipients = data.Recipients ?? [], Signature = data.Signature,
            Lifecycle = data.Lifecycle, CreatedAt = now, UpdatedAt = now,
        };
        plan.Refresh();
        foreach (var s in data.Items)
        {
            var item = new PlanItem
            {
                PlanId = plan.Id, Ordinal = s.Ordinal, Content = s.Content, LeadAgencyId = ids[s.LeadCode], LeadRole = s.LeadRole,
                AndRelatedAgencies = s.AndRelatedAgencies, ExecutingUnitsText = s.ExecutingUnitsText, CreatedAt = now, UpdatedAt = now,
                Label = s.Label, GroupLabel = s.Group?.Label, GroupTitle = s.Group?.Title,
                Coordinators = (s.CoordinatorCodes ?? []).Select((code, position) =>
                    new PlanItemCoordinator { AgencyId = ids[code], Position = position }).ToList(),
            };
            item.Schedule(data.Year, s.Quarter, s.Due?.ToDue(), s.DueText);
            item.RefreshSearchKey();
            plan.Items.Add(item);
        }
        return plan;
    }
}
