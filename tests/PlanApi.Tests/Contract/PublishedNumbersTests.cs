using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Options;
using PlanApi.Common;
using PlanApi.Common.Security;
using PlanApi.Common.Writes;
using PlanApi.Data;
using PlanApi.Tests.Infrastructure;

namespace PlanApi.Tests.Contract;

/// <summary>
/// Limits and timings are options validated at start-up; the contract and the README state the configured values.
/// </summary>
public sealed partial class PublishedNumbersTests(PlanApiFactory api) : IClassFixture<PlanApiFactory>
{
    /// <summary>Every options class an operator sets, with the section it binds.</summary>
    private static readonly (string Section, object Defaults)[] Options =
    [
        (DatabaseOptions.Section, new DatabaseOptions()),
        (RequestLimitsOptions.Section, new RequestLimitsOptions()),
        (IdempotencyOptions.Section, new IdempotencyOptions()),
        (JwtSettings.Section, new JwtSettings()),
        (ConditionalGetOptions.Section, new ConditionalGetOptions()),
        (PlanApi.Features.Webhooks.WebhookOptions.Section, new PlanApi.Features.Webhooks.WebhookOptions()),
    ];

    [Fact]
    public async Task The_contract_states_the_configured_numbers_and_no_placeholder()
    {
        var contract = await File.ReadAllTextAsync(Path.Combine(OpenApiContractTests.RepositoryRoot(), "openapi", "v1.json"));
        Assert.DoesNotContain("{config:", contract, StringComparison.Ordinal);
        var limits = new RequestLimitsOptions();
        Assert.Contains($"gets 409 after {PublishedNumbers.Duration(new DatabaseOptions().LockTimeout)}", contract, StringComparison.Ordinal);
        Assert.Contains($"at most {PublishedNumbers.Bytes(limits.MaxUploadBytes)}", contract, StringComparison.Ordinal);
        Assert.Contains($"({PublishedNumbers.Bytes(limits.MaxRequestBodyBytes)}; {PublishedNumbers.Bytes(limits.MaxUploadBytes)} for plan uploads)",
            contract, StringComparison.Ordinal);
        Assert.Contains($"kept for {PublishedNumbers.Duration(new IdempotencyOptions().Retention)}", contract, StringComparison.Ordinal);
        Assert.Contains($"up to {IdempotencyMiddleware.MaxKeyLength} visible ASCII characters", contract, StringComparison.Ordinal);
        var webhooks = new PlanApi.Features.Webhooks.WebhookOptions();
        Assert.Contains($"{PublishedNumbers.Duration(webhooks.RetryFor)}, then the subscription is marked failing", contract, StringComparison.Ordinal);
        Assert.Contains($"For {PublishedNumbers.Duration(webhooks.SecretGracePeriod)} deliveries carry two signatures", contract, StringComparison.Ordinal);

        // The served document is filled from the running configuration, not from the committed text.
        var served = await api.CreateClient().GetStringAsync("/openapi/v1.json");
        Assert.DoesNotContain("{config:", served, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_README_lists_every_setting_with_the_default_the_code_has()
    {
        var readme = await File.ReadAllTextAsync(Path.Combine(OpenApiContractTests.RepositoryRoot(), "README.md"));
        var rows = ConfigurationRow().Matches(readme).ToDictionary(m => m.Groups["name"].Value, m => m.Groups["default"].Value.Trim());
        foreach (var (section, defaults) in Options)
        {
            foreach (var property in defaults.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
            {
                var name = section.Replace(":", "__", StringComparison.Ordinal) + "__" + property.Name;
                Assert.True(rows.TryGetValue(name, out var cell), $"README's configuration table has no row for {name}.");
                var value = property.GetValue(defaults);
                var expected = value switch
                {
                    null => "unset",
                    TimeSpan t => PublishedNumbers.Duration(t),
                    long b when property.Name.EndsWith("Bytes", StringComparison.Ordinal) => PublishedNumbers.Bytes(b),
                    bool flag => $"`{(flag ? "true" : "false")}`",
                    string text => $"`{text}`",
                    IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
                    _ => value.ToString()!,
                };
                Assert.True(cell.StartsWith(expected, StringComparison.Ordinal), $"README says {name} defaults to '{cell}'; the code's default is {expected}.");
            }
        }
    }

    [Theory]
    [InlineData("Limits:MaxRequestBodyBytes", "0", "MaxRequestBodyBytes")]
    [InlineData("Limits:RequestsPerSecond", "-5", "RequestsPerSecond")]
    [InlineData("Database:LockTimeout", "00:00:00", "LockTimeout")]
    [InlineData("Idempotency:Retention", "00:00:01", "Retention")]
    [InlineData("Auth:Jwt:SigningKey", "too-short", "at least 32 bytes")]
    [InlineData("ConditionalGet:Capacity", "0", "Capacity")]
    [InlineData("Webhooks:DueSoonDays", "0", "DueSoonDays")]
    [InlineData("Webhooks:MaxRetryDelay", "00:00:02", "MaxRetryDelay must not be shorter")]
    [InlineData("ConditionalGet:AnswerCapacity", "-1", "AnswerCapacity")]
    [InlineData("ConditionalGet:StoreCheckInterval", "00:00:00", "StoreCheckInterval")]
    [InlineData("ConditionalGet:StoreCheckMaxAge", "00:00:00.100", "StoreCheckMaxAge must be longer than StoreCheckInterval")]
    public void The_API_refuses_to_start_with_a_bad_setting_and_says_which(string setting, string value, string named)
    {
        using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("ConnectionStrings:PlanDb", "Host=127.0.0.1;Port=1;Database=none;Username=none");
            b.UseSetting("Database:Migrate", "false");
            b.UseSetting("Database:Seed", "false");
            b.UseSetting(setting, value);
        });
        var refused = Assert.ThrowsAny<Exception>(() => factory.CreateClient());
        var validation = refused as OptionsValidationException ?? refused.InnerException as OptionsValidationException
            ?? (refused as AggregateException)?.Flatten().InnerExceptions.OfType<OptionsValidationException>().FirstOrDefault();
        Assert.True(validation is not null, $"Start-up failed, but not on validation: {refused}");
        Assert.Contains(named, validation.Message, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^\| `(?<name>[A-Za-z_]+)` \| (?<default>[^|]+) \|", RegexOptions.Multiline)]
    private static partial Regex ConfigurationRow();
}
