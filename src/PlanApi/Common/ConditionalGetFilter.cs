using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Net.Http.Headers;

namespace PlanApi.Common;

/// <summary>
/// A DTO that handlers hand out from <see cref="ConditionalGetCache.KeepAnswer{T}"/>, the same instance to many requests:
/// its JSON and ETag are kept with it.
/// </summary>
public interface ICachedResource;

/// <summary>A single resource: GETs of it carry Last-Modified; PUT and DELETE check its row version.</summary>
public interface IVersionedResource
{
    DateTimeOffset UpdatedAt { get; }

    /// <summary>The row version (PostgreSQL xmin) it was read at; not serialized.</summary>
    uint Version { get; }
}

/// <summary>
/// Every successful JSON GET gets a strong ETag and <c>Cache-Control: no-cache</c> (reuse after revalidation);
/// a matching <c>If-None-Match</c> answers 304 with no body. Cheap polling for the e-portal (<see cref="ConditionalGetCache"/>).
/// </summary>
public sealed class ConditionalGetFilter(ConditionalGetCache cache) : IAsyncResultFilter
{
    public async Task OnResultExecutionAsync(ResultExecutingContext context, ResultExecutionDelegate next)
    {
        var request = context.HttpContext.Request;
        if (!HttpMethods.IsGet(request.Method) || context.Result is not ObjectResult { Value: { } value } result
            || (result.StatusCode ?? 200) != 200)
        {
            await next();
            return;
        }
        var (json, etag) = cache.RepresentationOf(value, result.DeclaredType ?? value.GetType());
        var lastModified = value is IVersionedResource stamped ? HeaderUtilities.FormatDate(stamped.UpdatedAt) : null;
        context.Result = cache.IsNotModified(context.HttpContext, etag, lastModified)
            ? new StatusCodeResult(StatusCodes.Status304NotModified)
            : new JsonBytesResult(json);
        await next();
    }

    private sealed class JsonBytesResult(byte[] json) : IActionResult
    {
        public async Task ExecuteResultAsync(ActionContext context)
        {
            var response = context.HttpContext.Response;
            response.ContentType = "application/json; charset=utf-8";
            response.ContentLength = json.Length;
            await response.Body.WriteAsync(json, context.HttpContext.RequestAborted);
        }
    }
}
