using System.Security.Cryptography;
using System.Text;

namespace Abm.HubSpot.Sandbox.Webhooks;

/// <summary>HubSpot's request signatures, keyed with the app's client secret.</summary>
internal static class WebhookSignature
{
    /// <summary>v3: base64 HMAC-SHA256 of method + URI + body + timestamp (epoch ms).</summary>
    public static string V3(string clientSecret, string method, string uri, string body, long timestamp)
    {
        var message = Encoding.UTF8.GetBytes(method + uri + body + timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(clientSecret), message));
    }

    /// <summary>v1: hex SHA-256 of secret + body.</summary>
    public static string V1(string clientSecret, string body) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(clientSecret + body)));
}
