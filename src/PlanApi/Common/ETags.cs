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

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<object, Representation> Representations = new();

    /// <summary>A response body as sent, with its ETag.</summary>
    public sealed record Representation(byte[] Json, string ETag);

    /// <summary>
    /// The JSON and ETag of <paramref name="value"/>, computed once per instance: a DTO served from a cache is
    /// serialized and hashed the first time only (DTOs are immutable records).
    /// </summary>
    public static Representation RepresentationOf(object value, Type type, bool remember)
    {
        if (remember && Representations.TryGetValue(value, out var known)) return known;
        var json = Serialize(value, type);
        var representation = new Representation(json, For(json));
        if (remember) Representations.AddOrUpdate(value, representation);
        return representation;
    }

    /// <summary>
    /// Whether an If-None-Match (<paramref name="weak"/> comparison) or If-Match (strong) header names
    /// <paramref name="etag"/> or is "*" (RFC 9110 §13.1).
    /// </summary>
    public static bool Matches(string? header, string etag, bool weak = false) =>
        header is not null && header.Split(',').Select(v => v.Trim()).Any(v => v == "*" || v == etag || (weak && v == "W/" + etag));

}
