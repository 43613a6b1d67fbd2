using System.Security.Cryptography;
using System.Text;

namespace PlanApi.Domain;

/// <summary>What a credential may do.</summary>
public enum ClientRole
{
    /// <summary>Reads everything, drafts included.</summary>
    Reader,
    /// <summary>Posts progress on the items its agency leads or co-operates on; reads like a reader.</summary>
    Reporter,
    /// <summary>Manages plans, items, agencies, groupings and keys.</summary>
    Admin,
}

/// <summary>
/// An API key of a client system. Only the key's SHA-256 hash is stored: the key itself is shown once, at creation.
/// Keys are 256 random bits, so a plain hash is safe against guessing and cheap to check on every request.
/// </summary>
public sealed class ApiKey
{
    public const string Prefix = "pk_";

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string ClientName { get; init; }
    public ClientRole Role { get; init; }

    /// <summary>The agency a reporter reports for; null for readers and admins.</summary>
    public Guid? AgencyId { get; init; }
    public Agency? Agency { get; init; }

    public required string KeyHash { get; init; }

    /// <summary>The first characters of the key, so that people can tell their keys apart.</summary>
    public required string KeyStart { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? RevokedAt { get; set; }

    /// <summary>A new random key: "pk_" and 43 URL-safe characters.</summary>
    public static string NewKey() => Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
