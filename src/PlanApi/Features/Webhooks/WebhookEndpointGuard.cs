using System.Net;
using System.Net.Sockets;

namespace PlanApi.Features.Webhooks;

/// <summary>
/// Keeps webhook calls off the API's own networks (SSRF): an endpoint must be HTTPS (plain HTTP only to this host,
/// for development) and resolve to public addresses only. Checked when a subscription is saved and again on every
/// connection, against the address actually connected to, so that a name re-pointed after the check (DNS
/// rebinding) is refused too. <see cref="WebhookOptions.AllowPrivateNetworks"/> turns the address check off.
/// </summary>
public static class WebhookEndpointGuard
{
    /// <summary>Why <paramref name="url"/> may not be subscribed, or null when it may.</summary>
    public static async Task<string?> RefusalAsync(string url, bool allowPrivateNetworks, CancellationToken ct)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            return "The endpoint must be an absolute http(s) URL.";
        if (!string.IsNullOrEmpty(uri.UserInfo)) return "The endpoint must not carry credentials in its URL.";
        IPAddress[] addresses;
        try
        {
            addresses = IPAddress.TryParse(uri.IdnHost, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(uri.IdnHost, ct);
        }
        catch (SocketException)
        {
            return $"The endpoint's host '{uri.Host}' cannot be resolved.";
        }
        if (addresses.Length == 0) return $"The endpoint's host '{uri.Host}' cannot be resolved.";
        if (uri.Scheme == Uri.UriSchemeHttp && !addresses.All(IPAddress.IsLoopback))
            return "The endpoint must use HTTPS (plain HTTP is accepted on this host only, for development).";
        if (!allowPrivateNetworks && addresses.FirstOrDefault(IsRefused) is { } refused)
            return $"The endpoint resolves to {refused}, a loopback, private, link-local or unique-local address: only public endpoints are called.";
        return null;
    }

    /// <summary>Loopback, private (RFC 1918, CGNAT), link-local, unique-local, unspecified, multicast or reserved.</summary>
    public static bool IsRefused(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any)) return true;
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var b6 = address.GetAddressBytes();
            return address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast
                || (b6[0] & 0xFE) == 0xFC; // fc00::/7 unique local
        }
        var b = address.GetAddressBytes();
        return b[0] switch
        {
            0 or 10 or 127 => true,
            100 => b[1] >= 64 && b[1] < 128, // 100.64.0.0/10 shared (CGNAT)
            169 => b[1] == 254,
            172 => b[1] >= 16 && b[1] < 32,
            192 => b[1] == 168 || (b[1] == 0 && b[2] == 0),
            198 => b[1] is 18 or 19,
            >= 224 => true,
            _ => false,
        };
    }

    /// <summary>
    /// The handler webhook calls go through: no redirects (a 3xx is an answer, not a way into the network), and a
    /// connect step that refuses a refused address after resolution.
    /// </summary>
    public static SocketsHttpHandler Handler(bool allowPrivateNetworks, TimeSpan timeout) => new()
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        ConnectTimeout = timeout,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        ConnectCallback = async (context, ct) =>
        {
            var addresses = IPAddress.TryParse(context.DnsEndPoint.Host, out var literal)
                ? [literal]
                : await Dns.GetHostAddressesAsync(context.DnsEndPoint.Host, ct);
            var allowed = addresses.Where(a => allowPrivateNetworks || !IsRefused(a)).ToList();
            if (allowed.Count == 0)
                throw new HttpRequestException($"Refused to connect to {context.DnsEndPoint.Host}: it resolves only to loopback, private or link-local addresses.");
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(allowed.ToArray(), context.DnsEndPoint.Port, ct);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };
}
