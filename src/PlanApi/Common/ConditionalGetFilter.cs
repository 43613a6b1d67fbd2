using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Net.Http.Headers;

namespace PlanApi.Common;

/// <summary>A DTO that handlers hand out from a cache, the same instance to many requests: its JSON and ETag are kept.</summary>
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
/// a matching <c>If-None-Match</c> answers 304 with no body. Cheap polling for the e-portal.
/// </summary>
public sealed class ConditionalGetFilter(NotModifiedShortcut shortcut) : IAsyncResultFilter
{
    /// <summary>The validators and caching rules every JSON GET answer carries, 200 or 304.</summary>
    public static void SetValidators(IHeaderDictionary headers, string etag, string? lastModified)
    {
        headers.ETag = etag;
        // Drafts are visible to credentials only: a shared cache must key on them.
        headers.CacheControl = "no-cache";
        headers.Vary = "X-Api-Key, Authorization";
        if (lastModified is not null) headers.LastModified = lastModified;
    }

    public async Task OnResultExecutionAsync(ResultExecutingContext context, ResultExecutionDelegate next)
    {
        var request = context.HttpContext.Request;
        if (!HttpMethods.IsGet(request.Method) || context.Result is not ObjectResult { Value: { } value } result
            || (result.StatusCode ?? 200) != 200)
        {
            await next();
            return;
        }
        var (json, etag) = ETags.RepresentationOf(value, result.DeclaredType ?? value.GetType(), remember: value is ICachedResource);
        var lastModified = value is IVersionedResource stamped ? HeaderUtilities.FormatDate(stamped.UpdatedAt) : null;
        SetValidators(context.HttpContext.Response.Headers, etag, lastModified);
        shortcut.Remember(context.HttpContext, etag, lastModified);
        context.Result = ETags.Matches(request.Headers.IfNoneMatch, etag, weak: true)
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
