using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace PlanApi.Common;

/// <summary>
/// Problem details that MVC writes itself (a 415 from [Consumes]) go out as application/problem+json, not as the
/// application/json that [Produces] would pick.
/// </summary>
public sealed class ProblemContentTypeFilter : IAlwaysRunResultFilter, IOrderedFilter
{
    /// <summary>After [Produces], which would set application/json again.</summary>
    public int Order => int.MaxValue;

    public void OnResultExecuting(ResultExecutingContext context)
    {
        if (context.Result is ObjectResult { Value: ProblemDetails } result)
        {
            result.ContentTypes.Clear();
            result.ContentTypes.Add("application/problem+json");
        }
    }

    public void OnResultExecuted(ResultExecutedContext context) { }
}
