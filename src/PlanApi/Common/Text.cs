using System.Text.RegularExpressions;
using FluentValidation;

namespace PlanApi.Common;

/// <summary>Input rules for free text and codes.</summary>
public static partial class Text
{
    public const string CleanMessage = "Must not contain control characters (NUL, escapes).";
    public const string CodeMessage = "Use lowercase letters a–z, digits and single hyphens, 2–100 characters (e.g. 'so-gddt-can-tho').";

    /// <summary>No C0/C1 control characters other than tab and line breaks.</summary>
    public static bool IsClean(string? value) =>
        value is null || !value.Any(c => char.IsControl(c) && c is not ('\t' or '\n' or '\r'));

    /// <summary>The rule every free-text and code field shares: no control characters.</summary>
    public static IRuleBuilderOptions<T, string?> Clean<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(IsClean).WithMessage(CleanMessage);

    public static bool IsCode(string? value) => value is not null && CodePattern().IsMatch(value);

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();
}
