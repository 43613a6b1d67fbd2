using System.Collections.Concurrent;
using Asp.Versioning;
using Microsoft.Net.Http.Headers;
using PlanApi.Common.Security;
using PlanApi.Data;
using PlanApi.Domain;

namespace PlanApi.Common;

/// <summary>
/// Answers a repeated conditional GET with 304 before it reaches its controller. Every JSON GET's answer depends on
/// the store, the day and who asks; so the ETag a client got for a URL is remembered with the store generation
/// (<see cref="StoreVersionMonitor"/>) and the day it was computed at, and while neither has moved, a request of the
/// same client for the same URL naming that ETag is answered 304 at once: no query, no controller.
/// </summary>
/// <remarks>The 304 reports the API versions its 200 reported (api-supported-versions), as the controller would.</remarks>
public sealed class NotModifiedShortcut(StoreVersionMonitor monitor, TimeProvider clock, IReportApiVersions versions)
{
    private const int Capacity = 20_000;
    private const string StartedAt = "PlanApi.NotModifiedShortcut";

    private readonly ConcurrentDictionary<(string Client, string Url), RememberedETag> _entries = new();

    private sealed record RememberedETag(long Generation, DateOnly Today, string ETag, string? LastModified, ApiVersionModel? Versions);

    private sealed record Start(long Generation, DateOnly Today);

    /// <summary>Notes when a GET starts; answers it (true) when its If-None-Match names a remembered, current ETag.</summary>
    public bool TryAnswer(HttpContext context)
    {
        var request = context.Request;
        if (!HttpMethods.IsGet(request.Method) || !request.Path.StartsWithSegments("/api")
            || !monitor.TryGetGeneration(out var generation))
        {
            return false;
        }
        var start = new Start(generation, PlanCalendar.Today(clock));
        context.Items[StartedAt] = start;
        var ifNoneMatch = request.Headers.IfNoneMatch.ToString();
        if (ifNoneMatch.Length == 0 || !_entries.TryGetValue(Key(context), out var entry)
            || entry.Generation != start.Generation || entry.Today != start.Today || !ETags.Matches(ifNoneMatch, entry.ETag, weak: true))
        {
            return false;
        }
        var response = context.Response;
        response.StatusCode = StatusCodes.Status304NotModified;
        ConditionalGetFilter.SetValidators(response.Headers, entry.ETag, entry.LastModified);
        if (entry.Versions is not null) versions.Report(response, entry.Versions);
        return true;
    }

    /// <summary>Remembers the ETag of a 200 answer, under the generation and day its request started at.</summary>
    public void Remember(HttpContext context, string etag, string? lastModified)
    {
        if (context.Items[StartedAt] is not Start start) return;
        if (_entries.Count >= Capacity) _entries.Clear();
        var endpointVersions = context.GetEndpoint()?.Metadata.GetMetadata<ApiVersionMetadata>()?.Map(versions.Mapping);
        _entries[Key(context)] = new RememberedETag(start.Generation, start.Today, etag, lastModified, endpointVersions);
    }

    private static (string, string) Key(HttpContext context) =>
        (context.User.Client() ?? "anonymous", context.Request.Path.Value + context.Request.QueryString.Value);
}
