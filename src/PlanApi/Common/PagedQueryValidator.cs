using FluentValidation;

namespace PlanApi.Common;

/// <summary>The one paging rule: 1 ≤ limit ≤ 100, 0 ≤ offset ≤ 1,000,000.</summary>
public sealed class PagedQueryValidator<T> : AbstractValidator<T> where T : IPagedQuery
{
    public PagedQueryValidator()
    {
        RuleFor(q => q.Limit).InclusiveBetween(1, Paging.MaxLimit).OverridePropertyName("limit");
        RuleFor(q => q.Offset).InclusiveBetween(0, Paging.MaxOffset).OverridePropertyName("offset");
    }
}
