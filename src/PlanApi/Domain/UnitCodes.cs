namespace PlanApi.Domain;

/// <summary>Administrative unit codes: 2 digits for a province, 3 for a district, 5 for a commune (Decisions 124/2004/QĐ-TTg, 19/2025/QĐ-TTg).</summary>
public static class UnitCodes
{
    public static bool IsValid(string? code) => code is { Length: 2 or 3 or 5 } && code.All(char.IsAsciiDigit);
}
