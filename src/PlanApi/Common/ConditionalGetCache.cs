using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using Asp.Versioning;
using Microsoft.Extensions.Options;
using PlanApi.Common.Security;
using PlanApi.Data;
using PlanApi.Domain;

namespace PlanApi.Common;

/// <summary>A response body as sent, with its ETag.</summary>
public sealed record Representation(byte[] Json, string ETag);

/// <summary>
/// Conditional GET and the caches behind it, in one place and bounded. Every GET's answer depends on the store, the
/// day and who asks, so everything here is kept with the store generation (<see cref="StoreVersionMonitor"/>) and the
/// day it was computed at, and is used only while neither has moved:
/// <list type="bullet">
/// <item>the ETag each client got for each URL: a request of that client for that URL naming it in If-None-Match is
/// answered 304 before routing (<see cref="TryAnswerNotModified"/>), without a query or a controller;</item>
/// <item>answers handlers compute from the store (a plan's status, <see cref="KeepAnswer{T}"/>), shared by every
/// client that may see them, with their JSON and ETag computed once (<see cref="RepresentationOf"/>).</item>
/// </list>
/// Each is a map of configured capacity (<see cref="ConditionalGetOptions"/>) that drops its least recently used entry
/// when full: memory follows the clients, URLs and plans polled, and a dropped entry only costs a recomputation.
/// </summary>
public sealed class ConditionalGetCache
{
    private const string StartedAt = "PlanApi.ConditionalGet.StartedAt";

    private readonly StoreVersionMonitor _monitor;
    private readonly TimeProvider _clock;
    private readonly IReportApiVersions _versions;
    private readonly BoundedLru<(string Client, string Url), Validators> _validators;
    private readonly BoundedLru<object, Answer> _answers;

    /// <summary>The JSON of each kept answer, by the answer's identity: read without a lock, changed with the answers.</summary>
    private readonly ConcurrentDictionary<object, Representation> _representations = new(ReferenceEqualityComparer.Instance);

    /// <summary>The JSON of other shared instances, for as long as something else holds them.</summary>
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<object, Representation> _shared = new();

    private readonly Lock _keeping = new();

    public ConditionalGetCache(StoreVersionMonitor monitor, TimeProvider clock, IReportApiVersions versions, IOptions<ConditionalGetOptions> options)
    {
        _monitor = monitor;
        _clock = clock;
        _versions = versions;
        _validators = new(options.Value.Capacity);
        _answers = new(options.Value.AnswerCapacity);
    }

    private sealed record Validators(long Generation, DateOnly Today, string ETag, string? LastModified, ApiVersionModel? Versions);

    private sealed record Start(long Generation, DateOnly Today);

    private sealed record Answer(object Version, DateOnly Today, object Value);

    /// <summary>The validators and caching rules every GET answer carries, 200 or 304.</summary>
    public static void SetValidators(IHeaderDictionary headers, string etag, string? lastModified)
    {
        headers.ETag = etag;
        // Drafts are visible to credentials only: a shared cache must key on them.
        headers.CacheControl = "no-cache";
        headers.Vary = "X-Api-Key, Authorization";
        if (lastModified is not null) headers.LastModified = lastModified;
    }

    /// <summary>Notes when a GET starts; answers it 304 (true) when its If-None-Match names a remembered, current ETag.</summary>
    public bool TryAnswerNotModified(HttpContext context)
    {
        var request = context.Request;
        if (!HttpMethods.IsGet(request.Method) || !request.Path.StartsWithSegments("/api")
            || !_monitor.TryGetGeneration(out var generation))
        {
            return false;
        }
        var start = new Start(generation, PlanCalendar.Today(_clock));
        context.Items[StartedAt] = start;
        var ifNoneMatch = request.Headers.IfNoneMatch.ToString();
        if (ifNoneMatch.Length == 0 || !_validators.TryGet(ValidatorsKey(context), out var known)
            || known.Generation != start.Generation || known.Today != start.Today || !ETags.Matches(ifNoneMatch, known.ETag, weak: true))
        {
            return false;
        }
        var response = context.Response;
        response.StatusCode = StatusCodes.Status304NotModified;
        SetValidators(response.Headers, known.ETag, known.LastModified);
        if (known.Versions is not null) _versions.Report(response, known.Versions);
        return true;
    }

    /// <summary>
    /// Gives a GET's answer its validators and, with <paramref name="remember"/>, remembers its ETag (under the
    /// generation and day its request started at) so that the next poll is answered before routing. True when the
    /// request's If-None-Match names it: the answer is then 304 with no body.
    /// </summary>
    public bool IsNotModified(HttpContext context, string etag, string? lastModified, bool remember = true)
    {
        SetValidators(context.Response.Headers, etag, lastModified);
        if (remember && context.Items[StartedAt] is Start start)
        {
            var endpointVersions = context.GetEndpoint()?.Metadata.GetMetadata<ApiVersionMetadata>()?.Map(_versions.Mapping);
            _validators.Set(ValidatorsKey(context), new Validators(start.Generation, start.Today, etag, lastModified, endpointVersions));
        }
        return ETags.Matches(context.Request.Headers.IfNoneMatch, etag, weak: true);
    }

    /// <summary>
    /// The answer to <paramref name="key"/> kept for <paramref name="version"/> of the store on <paramref name="today"/>,
    /// if there is one.
    /// </summary>
    public bool TryGetAnswer<T>(object key, object version, DateOnly today, [MaybeNullWhen(false)] out T value) where T : class
    {
        if (_answers.TryGet(key, out var kept) && kept.Today == today && kept.Version.Equals(version) && kept.Value is T found)
        {
            value = found;
            return true;
        }
        value = null;
        return false;
    }

    /// <summary>
    /// Keeps <paramref name="value"/>, computed at <paramref name="version"/> of the store on <paramref name="today"/>, as
    /// the answer to <paramref name="key"/> (replacing an older one), with its JSON and ETag.
    /// </summary>
    public void KeepAnswer<T>(object key, object version, DateOnly today, T value) where T : class, ICachedResource
    {
        var representation = Represent(value, typeof(T));
        lock (_keeping)
        {
            if (_answers.Set(key, new Answer(version, today, value), out var displaced)) _representations.TryRemove(displaced.Value, out _);
            _representations[value] = representation;
        }
    }

    /// <summary>
    /// The answer to <paramref name="key"/> today: the one kept for the store's current generation, or computed and kept.
    /// While the store's version is not being read, it is computed and not kept.
    /// </summary>
    public async Task<T> AnswerAsync<T>(object key, DateOnly today, Func<CancellationToken, Task<T>> compute, CancellationToken ct)
        where T : class, ICachedResource
    {
        if (!_monitor.TryGetGeneration(out var generation)) return await compute(ct);
        if (TryGetAnswer<T>(key, generation, today, out var kept)) return kept;
        var answer = await compute(ct);
        KeepAnswer(key, generation, today, answer);
        return answer;
    }

    /// <summary>
    /// The JSON and ETag of <paramref name="value"/>: kept ones for answers this cache holds, computed for the rest. Other
    /// shared instances (a kept page with its next link, see <see cref="Paging.WithLinks{T}"/>) keep theirs while in use.
    /// </summary>
    public Representation RepresentationOf(object value, Type type)
    {
        if (value is not ICachedResource) return Represent(value, type);
        if (_representations.TryGetValue(value, out var kept) || _shared.TryGetValue(value, out kept)) return kept;
        var representation = Represent(value, type);
        _shared.AddOrUpdate(value, representation);
        return representation;
    }

    private static Representation Represent(object value, Type type)
    {
        var json = ETags.Serialize(value, type);
        return new Representation(json, ETags.For(json));
    }

    private static (string, string) ValidatorsKey(HttpContext context) =>
        (context.User.Client() ?? "anonymous", context.Request.Path.Value + context.Request.QueryString.Value);
}

public static class ConditionalGetSetup
{
    public static IServiceCollection AddConditionalGet(this IServiceCollection services)
    {
        services.AddOptions<ConditionalGetOptions>().BindConfiguration(ConditionalGetOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ConditionalGetCache>();
        return services;
    }

    /// <summary>A poll whose ETag is still current is answered here, before a controller is reached.</summary>
    public static IApplicationBuilder UseConditionalGet(this IApplicationBuilder app)
    {
        var cache = app.ApplicationServices.GetRequiredService<ConditionalGetCache>();
        return app.Use((context, next) => cache.TryAnswerNotModified(context) ? Task.CompletedTask : next(context));
    }
}
