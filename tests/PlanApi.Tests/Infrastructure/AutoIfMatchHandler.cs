namespace PlanApi.Tests.Infrastructure;

/// <summary>
/// Makes a test client behave as a well-written integration does: before a PUT or DELETE without If-Match it reads
/// the resource and sends its ETag back. Tests of the preconditions themselves use a client without it.
/// </summary>
public sealed class AutoIfMatchHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        if ((request.Method == HttpMethod.Put || request.Method == HttpMethod.Delete) && !request.Headers.Contains("If-Match"))
        {
            using var read = new HttpRequestMessage(HttpMethod.Get, request.RequestUri);
            foreach (var header in request.Headers.Where(h => h.Key is "X-Api-Key" or "Authorization"))
                read.Headers.TryAddWithoutValidation(header.Key, header.Value);
            using var current = await base.SendAsync(read, ct);
            if (current.IsSuccessStatusCode && current.Headers.ETag is { } etag) request.Headers.IfMatch.Add(etag);
        }
        return await base.SendAsync(request, ct);
    }
}
