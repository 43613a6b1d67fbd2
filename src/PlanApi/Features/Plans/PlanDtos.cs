using System.Linq.Expressions;
using PlanApi.Domain;
using PlanApi.Features.Agencies;

namespace PlanApi.Features.Plans;

/// <summary>A plan in a list: its identity, lifecycle and size.</summary>
/// <param name="Id">The plan's id.</param>
/// <param name="Number">Number and symbol, e.g. "244/KH-UBND".</param>
/// <param name="Issuer">The issuing agency.</param>
/// <param name="IssuedOn">Date of issue.</param>
/// <param name="Year">The year the plan is for.</param>
/// <param name="Title">The title line (trích yếu).</param>
/// <param name="Lifecycle">draft, published or closed.</param>
/// <param name="ItemCount">Number of items (tasks).</param>
public sealed record PlanSummaryDto(
    Guid Id, string Number, AgencyRefDto Issuer, DateOnly IssuedOn, int Year, string Title, PlanLifecycle Lifecycle,
    int ItemCount, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static readonly Expression<Func<Plan, PlanSummaryDto>> Projection = p => new PlanSummaryDto(
        p.Id, p.Number, new AgencyRefDto(p.Issuer!.Code, p.Issuer.Name, p.Issuer.ShortName), p.IssuedOn, p.Year, p.Title,
        p.Lifecycle, p.Items.Count, p.CreatedAt, p.UpdatedAt);
}

/// <summary>A plan document with its metadata. Its items are at <c>/plans/{id}/items</c>.</summary>
/// <param name="Id">The plan's id.</param>
/// <param name="Number">Number and symbol, e.g. "244/KH-UBND".</param>
/// <param name="DocumentType">Document type code: KH (kế hoạch).</param>
/// <param name="Issuer">The issuing agency.</param>
/// <param name="Place">Place of issue, e.g. "Cần Thơ".</param>
/// <param name="IssuedOn">Date of issue.</param>
/// <param name="Year">The year the plan is for.</param>
/// <param name="Title">The title line (trích yếu).</param>
/// <param name="Preamble">The sentence that introduces the contents.</param>
/// <param name="LegalBases">Documents the plan rests on (căn cứ / thực hiện).</param>
/// <param name="Purposes">Mục đích: the lettered purposes.</param>
/// <param name="Requirements">Yêu cầu: the requirements.</param>
/// <param name="Duties">Tổ chức thực hiện: implementation duties and the agencies they name.</param>
/// <param name="Recipients">Nơi nhận: the recipients list as written.</param>
/// <param name="Signature">The signature block.</param>
/// <param name="Lifecycle">draft, published or closed.</param>
/// <param name="ItemCount">Number of items (tasks).</param>
public sealed record PlanDto(
    Guid Id, string Number, string DocumentType, AgencyRefDto Issuer, string? Place, DateOnly IssuedOn, int Year, string Title,
    string? Preamble, IReadOnlyList<LegalBasis> LegalBases, IReadOnlyList<LabeledText> Purposes,
    IReadOnlyList<LabeledText> Requirements, IReadOnlyList<PlanDuty> Duties, IReadOnlyList<string> Recipients,
    Signature? Signature, PlanLifecycle Lifecycle, int ItemCount, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt,
    [property: System.Text.Json.Serialization.JsonIgnore] uint Version = 0) : PlanApi.Common.IVersionedResource
{
    public static readonly Expression<Func<Plan, PlanDto>> Projection = p => new PlanDto(
        p.Id, p.Number, p.DocumentType, new AgencyRefDto(p.Issuer!.Code, p.Issuer.Name, p.Issuer.ShortName), p.Place,
        p.IssuedOn, p.Year, p.Title, p.Preamble, p.LegalBases, p.Purposes, p.Requirements, p.Duties, p.Recipients,
        p.Signature, p.Lifecycle, p.Items.Count, p.CreatedAt, p.UpdatedAt, p.Version);
}
