using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace PlanApi.Common;

/// <summary>Turns every failure into RFC 9457 problem details; never leaks exception details.</summary>
public sealed class ProblemDetailsExceptionHandler(
    IProblemDetailsService problemDetails, ILogger<ProblemDetailsExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        var problem = ToProblem(exception);
        Record(exception, problem);
        context.Response.StatusCode = problem.Status ?? 500;
        if (problem.Status == StatusCodes.Status503ServiceUnavailable) context.Response.Headers.RetryAfter = "1";
        if (exception is ApiException { RetryAfterSeconds: { } seconds }) context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    /// <summary>
    /// A failure of the server is logged with its exception and marks the request's span as an error; a refused
    /// request (4xx) is the client's business and logged at Debug. Both are written inside the request's trace, so
    /// the log line carries the traceId the problem shows.
    /// </summary>
    private void Record(Exception exception, ProblemDetails problem)
    {
        if (problem.Status >= 500)
        {
            logger.LogError(exception, "Request failed with {Status}: {Title}", problem.Status, problem.Title);
            if (System.Diagnostics.Activity.Current is { IsAllDataRequested: true } span)
            {
                span.AddException(exception);
                span.SetStatus(System.Diagnostics.ActivityStatusCode.Error, problem.Title);
            }
        }
        else
        {
            logger.LogDebug("Request refused with {Status}: {Title} ({Exception})", problem.Status, problem.Title, exception.GetType().Name);
        }
    }

    private static ProblemDetails ToProblem(Exception exception) => exception switch
    {
        RequestValidationException v => new ValidationProblemDetails(v.Errors)
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "One or more fields are invalid.",
        },
        UnprocessableException { Field: { } field } u => new ValidationProblemDetails(
            new Dictionary<string, string[]> { [field] = [u.Message] })
        {
            Status = u.Status,
            Title = u.Title,
            Detail = u.Message,
        },
        ApiException a => WithExtensions(new ProblemDetails { Status = a.Status, Title = a.Title, Detail = a.Message }, a),
        BadHttpRequestException { StatusCode: StatusCodes.Status400BadRequest } b => BodyProblem(b.Message),
        BadHttpRequestException b => new ProblemDetails
        {
            Status = b.StatusCode,
            Title = b.StatusCode == StatusCodes.Status413PayloadTooLarge ? "Request body too large" : "Bad request",
            Detail = b.Message,
        },
        System.Text.DecoderFallbackException => BodyProblem("The body is not in the character set its Content-Type names; send UTF-8 JSON."),
        DbUpdateException { InnerException: PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } pg } =>
            new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "Conflict",
                Detail = $"A resource with the same unique key already exists ({pg.ConstraintName}).",
            },
        DbUpdateException { InnerException: PostgresException { SqlState: PostgresErrorCodes.ForeignKeyViolation } } =>
            new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "Conflict",
                Detail = "The resource is referenced by other resources or references one that no longer exists.",
            },
        _ when FindPostgres(exception) is { SqlState: "22021" or "22P05" } =>
            BodyProblem("The request contains characters that cannot be stored (such as NUL)."),
        _ when FindPostgres(exception) is { SqlState: PostgresErrorCodes.StringDataRightTruncation } =>
            BodyProblem("A value is longer than the field allows."),
        DbUpdateConcurrencyException => new ProblemDetails
        {
            Status = StatusCodes.Status412PreconditionFailed,
            Title = "Precondition failed",
            Detail = "The resource was changed by another request since you read it; read it again and retry.",
        },
        _ when IsTransient(exception) => new ProblemDetails
        {
            Status = StatusCodes.Status503ServiceUnavailable,
            Title = "Service temporarily unavailable",
            Detail = "The database is unavailable or busy; retry after the delay in Retry-After.",
        },
        OperationCanceledException => new ProblemDetails
        {
            Status = 499,
            Title = "Client closed request",
        },
        _ => new ProblemDetails
        {
            Status = StatusCodes.Status500InternalServerError,
            Title = "Unexpected error",
            Detail = "The error has been logged; quote the traceId when you report it.",
        },
    };

    /// <summary>A 400 that cannot name one field still has the validation shape the contract promises.</summary>
    private static ValidationProblemDetails BodyProblem(string message) =>
        new(new Dictionary<string, string[]> { ["body"] = [message] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "One or more fields are invalid.",
            Detail = message,
        };

    private static PostgresException? FindPostgres(Exception? e) => e switch
    {
        null => null,
        PostgresException pg => pg,
        _ => FindPostgres(e.InnerException),
    };

    private static bool IsTransient(Exception e) => e switch
    {
        NpgsqlException { IsTransient: true } => true,
        // A lock not granted within lock_timeout: another write holds the row; the retry will find it free.
        PostgresException
        {
            SqlState: PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected
            or PostgresErrorCodes.LockNotAvailable
        } => true,
        TimeoutException => true,
        { InnerException: { } inner } => IsTransient(inner),
        _ => false,
    };

    private static ProblemDetails WithExtensions(ProblemDetails problem, ApiException a)
    {
        foreach (var (key, value) in a.Extensions) problem.Extensions[key] = value;
        return problem;
    }
}
