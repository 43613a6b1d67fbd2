using System.Security.Cryptography;
using System.Text.Json;

namespace PlanApi.Common;

/// <summary>
/// Strong ETags: a hash of the exact JSON a GET returns. Whatever changes what a client would see (a report, a
/// renamed agency, the day an item becomes overdue) changes the ETag, and nothing else does.
/// </summary>
public static class ETags
{
    public static JsonSerializerOptions Json { get; } = ApiDefaults.Json;

    public static byte[] Serialize(object value, Type type) => JsonSerializer.SerializeToUtf8Bytes(value, type, Json);

    public static string For(byte[] json) => $"\"{Convert.ToBase64String(SHA256.HashData(json), 0, 18).Replace('+', '-').Replace('/', '_')}\"";

    public static string For<T>(T value) where T : notnull => For(Serialize(value, typeof(T)));

    /// <summary>
    /// Whether an If-None-Match (<paramref name="weak"/> comparison) or If-Match (strong) header names
    /// <paramref name="etag"/> or is "*" (RFC 9110 §13.1).
    /// </summary>
    public static bool Matches(string? header, string etag, bool weak = false) =>
        header is not null && header.Split(',').Select(v => v.Trim()).Any(v => v == "*" || v == etag || (weak && v == "W/" + etag));

}
