namespace PlanApi.Common;

/// <summary>A failure a handler reports; the exception handler turns it into RFC 9457 problem details.</summary>
public abstract class ApiException(int status, string title, string detail) : Exception(detail)
{
    public int Status { get; } = status;
    public string Title { get; } = title;
    public IDictionary<string, object?> Extensions { get; } = new Dictionary<string, object?>();

    /// <summary>When set, the answer carries <c>Retry-After</c> with this many seconds (and the same
    /// <c>retryAfterSeconds</c> member, for clients that read bodies only).</summary>
    public int? RetryAfterSeconds
    {
        get => Extensions.TryGetValue("retryAfterSeconds", out var v) ? v as int? : null;
        init => Extensions["retryAfterSeconds"] = value;
    }
}

public sealed class NotFoundException(string resource, string key)
    : ApiException(StatusCodes.Status404NotFound, "Not found", $"{resource} '{key}' does not exist.");

/// <summary>A PUT or DELETE without If-Match: it could overwrite a change the client never saw.</summary>
public sealed class PreconditionRequiredException()
    : ApiException(StatusCodes.Status428PreconditionRequired, "Precondition required",
        "Send If-Match with the ETag of the resource as you read it, so that no one else's change is overwritten.");

/// <summary>If-Match names an older version of the resource.</summary>
public sealed class PreconditionFailedException(string? current)
    : ApiException(StatusCodes.Status412PreconditionFailed, "Precondition failed",
        current is null
            ? "The resource changed since you read it. Read it again and retry."
            : $"The resource changed since you read it: its ETag is now {current}. Read it again and retry.");

public sealed class ConflictException(string detail)
    : ApiException(StatusCodes.Status409Conflict, "Conflict", detail);

/// <summary>The request is well-formed but breaks a domain rule (wrong state, agency not involved, reused key).</summary>
public sealed class UnprocessableException(string detail, string? field = null)
    : ApiException(StatusCodes.Status422UnprocessableEntity, "Unprocessable request", detail)
{
    public string? Field { get; } = field;
}

/// <summary>The caller is authenticated but its credential does not allow this (e.g. another agency's item).</summary>
public sealed class ForbiddenException(string detail)
    : ApiException(StatusCodes.Status403Forbidden, "Forbidden", detail);
