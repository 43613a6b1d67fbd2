using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace PlanApi.Features.Webhooks;

/// <summary>
/// Standard Webhooks signing (https://www.standardwebhooks.com/): a secret is <c>whsec_</c> + base64 of random bytes,
/// whose decoded bytes key an HMAC-SHA256 of <c>{webhook-id}.{webhook-timestamp}.{body}</c>; the
/// <c>webhook-signature</c> header holds <c>v1,</c> + base64 of it per secret, space-separated.
/// </summary>
public static class WebhookSignature
{
    public const string SecretPrefix = "whsec_";

    /// <summary>The spec asks for 24 to 64 bytes; 32 match the HMAC's own size.</summary>
    public const int SecretBytes = 32;

    public static string NewSecret() => SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(SecretBytes));

    public static byte[] KeyOf(string secret) =>
        Convert.FromBase64String(secret.StartsWith(SecretPrefix, StringComparison.Ordinal) ? secret[SecretPrefix.Length..] : secret);

    public static string Sign(string secret, string id, long timestamp, string body)
    {
        var content = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{id}.{timestamp}.{body}"));
        return "v1," + Convert.ToBase64String(HMACSHA256.HashData(KeyOf(secret), content));
    }

    /// <summary>The webhook-signature header: one signature per secret.</summary>
    public static string Header(IEnumerable<string> secrets, string id, long timestamp, string body) =>
        string.Join(' ', secrets.Select(s => Sign(s, id, timestamp, body)));

    /// <summary>Whether any signature in <paramref name="header"/> is <paramref name="secret"/>'s (constant-time).</summary>
    public static bool Verify(string secret, string id, long timestamp, string body, string header)
    {
        var expected = Encoding.ASCII.GetBytes(Sign(secret, id, timestamp, body));
        return header.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Any(s => CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(s), expected));
    }
}
