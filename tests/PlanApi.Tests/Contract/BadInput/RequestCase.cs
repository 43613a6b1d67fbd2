namespace PlanApi.Tests.Contract.BadInput;

/// <summary>Who sends a request: the admin key (with or without the automatic If-Match), nobody, a reader, or a reporter.</summary>
public enum Caller { Admin, AdminWithoutIfMatch, Anonymous, Reader, Reporter }

/// <summary>One generated request: an operation of the contract, what was changed from its valid form, and how to send it.</summary>
public sealed class RequestCase
{
    public required ContractOperation Operation { get; init; }
    public required string Mutation { get; init; }
    public required string Url { get; init; }
    public Caller Caller { get; init; } = Caller.Admin;
    public IReadOnlyList<(string Name, string Value)> Headers { get; init; } = [];
    public Func<HttpContent?> Content { get; init; } = () => null;

    /// <summary>The valid request with the admin key: it must succeed, or the mutations never reach validation.</summary>
    public bool IsBaseline { get; init; }

    public HttpRequestMessage ToRequest()
    {
        var request = new HttpRequestMessage(new HttpMethod(Operation.Method), Url) { Content = Content() };
        foreach (var (name, value) in Headers)
            if (!request.Headers.TryAddWithoutValidation(name, value))
                throw new InvalidOperationException($"The generator made a header HttpClient cannot send: {name}: {value}");
        return request;
    }
}

/// <summary>Real ids and codes of the test database that valid requests address.</summary>
/// <param name="MutationTargets">What the variants of a DELETE address (any of them may delete it).</param>
/// <param name="BaselineTargets">What the valid DELETE deletes: addressed by nothing else, so that it must answer 204.</param>
public sealed record SeededData(
    string PlanId, int ItemOrdinal, int ReportedOrdinal, string AgencyCode, string GroupingCode, string ReportId, string WebhookSubscriptionId,
    Deletables MutationTargets, Deletables BaselineTargets, string RevokedKey, string AdminKey);

/// <summary>A draft plan, an item without reports in the seeded plan, an API key and a webhook subscription: things a DELETE may remove.</summary>
public sealed record Deletables(string DraftPlanId, int ItemOrdinal, string KeyId, string WebhookSubscriptionId);
