using FluentValidation;
using Mediator;

namespace PlanApi.Common;

/// <summary>Runs every FluentValidation validator of a message before its handler; failures become a 400.</summary>
public sealed class ValidationBehavior<TMessage, TResponse>(IEnumerable<IValidator<TMessage>> validators)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(
        TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var failures = new List<FluentValidation.Results.ValidationFailure>();
        foreach (var validator in validators)
        {
            var result = await validator.ValidateAsync(message, cancellationToken);
            failures.AddRange(result.Errors);
        }
        if (failures.Count > 0) throw new RequestValidationException(failures);
        return await next(message, cancellationToken);
    }
}

/// <summary>Validation failures keyed by the camelCase path of the offending field (<c>items[3].leadAgencyCode</c>).</summary>
public sealed class RequestValidationException : Exception
{
    public RequestValidationException(IEnumerable<FluentValidation.Results.ValidationFailure> failures)
        : base("One or more fields are invalid.")
    {
        Errors = failures
            .GroupBy(f => FieldPath(f.PropertyName))
            .ToDictionary(g => g.Key, g => g.Select(f => f.ErrorMessage).Distinct().ToArray());
    }

    public RequestValidationException(string field, string message) : base(message) =>
        Errors = new Dictionary<string, string[]> { [field] = [message] };

    public IDictionary<string, string[]> Errors { get; }

    /// <summary>"Body.Items[0].LeadAgencyCode" → "items[0].leadAgencyCode": the name the client sent.</summary>
    public static string FieldPath(string propertyName) =>
        string.Join('.', propertyName.Split('.')
            .Where(s => s is not "Body")
            .Select(s => s.Length == 0 || s.Contains('-') ? s : char.ToLowerInvariant(s[0]) + s[1..]));
}
