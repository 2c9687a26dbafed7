using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Abm.HubSpot.Webhooks;

/// <summary>
/// The signatures HubSpot puts on webhook requests, computed with the app's client secret. Compare them
/// with <see cref="Matches"/>, never with string equality, so a forger learns nothing from response times.
/// </summary>
public static class WebhookSignature
{
    // HubSpot decodes exactly these escapes in the URI before signing; every other escape stays as sent.
    private static readonly (string Escape, char Character)[] DecodedEscapes =
    [
        ("%3A", ':'), ("%2F", '/'), ("%3F", '?'), ("%40", '@'), ("%21", '!'), ("%24", '$'),
        ("%27", '\''), ("%28", '('), ("%29", ')'), ("%2A", '*'), ("%2C", ','), ("%3B", ';'),
    ];

    /// <summary>v3: base64 HMAC-SHA256 of method + URI + body + timestamp (epoch milliseconds as sent).</summary>
    public static string V3(string clientSecret, string method, string uri, ReadOnlySpan<byte> body, string timestamp)
    {
        var message = Concat(method + NormalizeUri(uri), body, timestamp);
        return Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(clientSecret), message));
    }

    /// <summary>v2: hex SHA-256 of secret + method + URI + body.</summary>
    public static string V2(string clientSecret, string method, string uri, ReadOnlySpan<byte> body) =>
        Convert.ToHexStringLower(SHA256.HashData(Concat(clientSecret + method + NormalizeUri(uri), body, "")));

    /// <summary>v1: hex SHA-256 of secret + body.</summary>
    public static string V1(string clientSecret, ReadOnlySpan<byte> body) =>
        Convert.ToHexStringLower(SHA256.HashData(Concat(clientSecret, body, "")));

    /// <summary>Compares a received signature with the expected one in constant time (hex compared without case).</summary>
    public static bool Matches(string expected, string? received)
    {
        if (received is null)
        {
            return false;
        }

        var ignoreCase = expected.All(char.IsAsciiHexDigit);
        var left = Encoding.UTF8.GetBytes(ignoreCase ? expected.ToLowerInvariant() : expected);
        var right = Encoding.UTF8.GetBytes(ignoreCase ? received.ToLowerInvariant() : received);
        return CryptographicOperations.FixedTimeEquals(left, right);
    }

    /// <summary>The URI as HubSpot signs it: the listed percent-escapes decoded (in either case), all others kept.</summary>
    public static string NormalizeUri(string uri)
    {
        if (!uri.Contains('%', StringComparison.Ordinal))
        {
            return uri;
        }

        var result = new StringBuilder(uri.Length);
        for (var i = 0; i < uri.Length; i++)
        {
            if (uri[i] == '%' && i + 2 < uri.Length && Decode(uri.AsSpan(i, 3)) is { } decoded)
            {
                result.Append(decoded);
                i += 2;
            }
            else
            {
                result.Append(uri[i]);
            }
        }

        return result.ToString();
    }

    /// <summary>Parses the epoch-milliseconds timestamp header.</summary>
    public static bool TryParseTimestamp(string? header, out DateTimeOffset timestamp)
    {
        timestamp = default;
        if (!long.TryParse(header, NumberStyles.None, CultureInfo.InvariantCulture, out var milliseconds)
            || milliseconds > DateTimeOffset.MaxValue.ToUnixTimeMilliseconds())
        {
            return false;
        }

        timestamp = DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);
        return true;
    }

    private static char? Decode(ReadOnlySpan<char> escape)
    {
        foreach (var (candidate, character) in DecodedEscapes)
        {
            if (escape.Equals(candidate, StringComparison.OrdinalIgnoreCase))
            {
                return character;
            }
        }

        return null;
    }

    private static byte[] Concat(string prefix, ReadOnlySpan<byte> body, string suffix)
    {
        var head = Encoding.UTF8.GetBytes(prefix);
        var tail = Encoding.UTF8.GetBytes(suffix);
        var message = new byte[head.Length + body.Length + tail.Length];
        head.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(head.Length));
        tail.CopyTo(message, head.Length + body.Length);
        return message;
    }
}
