using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using PlanApi.Common.Security;
using PlanApi.Common.Writes;
using PlanApi.Data;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace PlanApi.Common;

/// <summary>
/// The configured limits and timings as the contract and the README state them. A description in the contract says
/// <c>{config:Limits:MaxUploadBytes}</c> where it states a configured number, and <see cref="PublishedNumbersFilter"/>
/// writes in the value this process runs with, so what a client reads is what the server does.
/// </summary>
public sealed partial class PublishedNumbers(
    IOptions<DatabaseOptions> database, IOptions<RequestLimitsOptions> limits, IdempotencyOptions idempotency,
    IOptions<Features.Webhooks.WebhookOptions> webhooks)
{
    public IReadOnlyDictionary<string, string> Values { get; } = new Dictionary<string, string>
    {
        ["Database:LockTimeout"] = Duration(database.Value.LockTimeout),
        ["Limits:MaxRequestBodyBytes"] = Bytes(limits.Value.MaxRequestBodyBytes),
        ["Limits:MaxUploadBytes"] = Bytes(limits.Value.MaxUploadBytes),
        ["Limits:RequestsPerSecond"] = limits.Value.RequestsPerSecond.ToString(CultureInfo.InvariantCulture),
        ["Limits:Burst"] = limits.Value.Burst.ToString(CultureInfo.InvariantCulture),
        ["Idempotency:Retention"] = Duration(idempotency.Retention),
        ["Idempotency:MaxKeyLength"] = IdempotencyMiddleware.MaxKeyLength.ToString(CultureInfo.InvariantCulture),
        ["Webhooks:Timeout"] = Duration(webhooks.Value.Timeout),
        ["Webhooks:FirstRetryDelay"] = Duration(webhooks.Value.FirstRetryDelay),
        ["Webhooks:MaxRetryDelay"] = Duration(webhooks.Value.MaxRetryDelay),
        ["Webhooks:RetryFor"] = Duration(webhooks.Value.RetryFor),
        ["Webhooks:SecretGracePeriod"] = Duration(webhooks.Value.SecretGracePeriod),
        ["Webhooks:DueSoonDays"] = webhooks.Value.DueSoonDays.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>"1 MiB", "512 KiB", "1500 bytes".</summary>
    public static string Bytes(long bytes) => bytes switch
    {
        _ when bytes % ByteSizes.MiB == 0 => string.Create(CultureInfo.InvariantCulture, $"{bytes / ByteSizes.MiB} MiB"),
        _ when bytes % 1024 == 0 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024} KiB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes"),
    };

    /// <summary>"48 hours", "3 s", "250 ms".</summary>
    public static string Duration(TimeSpan span) => span switch
    {
        _ when span.Ticks % TimeSpan.TicksPerHour == 0 => string.Create(CultureInfo.InvariantCulture, $"{(long)span.TotalHours} hours"),
        _ when span.Ticks % TimeSpan.TicksPerSecond == 0 => string.Create(CultureInfo.InvariantCulture, $"{(long)span.TotalSeconds} s"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{(long)span.TotalMilliseconds} ms"),
    };

    /// <summary>Replaces every <c>{config:Section:Key}</c> in <paramref name="text"/>; an unknown name is a defect, not a blank.</summary>
    public string? Fill(string? text) => text is null || !text.Contains("{config:", StringComparison.Ordinal)
        ? text
        : Token().Replace(text, m => Values.TryGetValue(m.Groups[1].Value, out var value)
            ? value
            : throw new InvalidOperationException($"The contract names '{m.Value}', which is not a published setting."));

    [GeneratedRegex(@"\{config:([A-Za-z]+:[A-Za-z]+)\}")]
    private static partial Regex Token();
}

/// <summary>Writes the configured numbers into every description of the contract (see <see cref="PublishedNumbers"/>).</summary>
internal sealed class PublishedNumbersFilter(PublishedNumbers numbers) : IDocumentFilter
{
    public void Apply(OpenApiDocument document, DocumentFilterContext context)
    {
        document.Info.Description = numbers.Fill(document.Info.Description);
        foreach (var tag in document.Tags ?? new HashSet<OpenApiTag>()) tag.Description = numbers.Fill(tag.Description);
        foreach (var operation in document.Paths.Values.SelectMany(p => p.Operations?.Values.AsEnumerable() ?? []))
        {
            operation.Summary = numbers.Fill(operation.Summary);
            operation.Description = numbers.Fill(operation.Description);
            foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? []) parameter.Description = numbers.Fill(parameter.Description);
            if (operation.RequestBody is OpenApiRequestBody body)
            {
                body.Description = numbers.Fill(body.Description);
                foreach (var media in body.Content?.Values ?? []) Fill(media.Schema, 0);
            }
            foreach (var response in operation.Responses?.Values.OfType<OpenApiResponse>() ?? []) response.Description = numbers.Fill(response.Description);
        }
        foreach (var schema in document.Components?.Schemas?.Values ?? []) Fill(schema, 0);
    }

    private void Fill(IOpenApiSchema? schema, int depth)
    {
        if (schema is not OpenApiSchema s || depth > 16) return;
        s.Description = numbers.Fill(s.Description);
        foreach (var property in s.Properties?.Values ?? []) Fill(property, depth + 1);
        Fill(s.Items, depth + 1);
        foreach (var part in (s.AllOf ?? []).Concat(s.OneOf ?? []).Concat(s.AnyOf ?? [])) Fill(part, depth + 1);
    }
}
