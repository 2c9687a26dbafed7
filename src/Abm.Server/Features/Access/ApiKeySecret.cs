using System.Security.Cryptography;
using System.Text;

namespace Abm.Server.Features.Access;

/// <summary>
/// Keys look like <c>abm_3f9a1c2b7d4e_Q2x...</c>: a public prefix to find the row by, then 32 random bytes.
/// Only the SHA-256 of the whole key is stored; a slow hash is unnecessary because the secret is
/// 256 bits of randomness, not a password.
/// </summary>
internal static class ApiKeySecret
{
    private const string Marker = "abm_";
    private const int PrefixBytes = 6;

    public static (string Key, string Prefix, byte[] Hash) Generate()
    {
        var prefix = Marker + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(PrefixBytes));
        var key = $"{prefix}_{Base64Url(RandomNumberGenerator.GetBytes(32))}";
        return (key, prefix, Hash(key));
    }

    /// <summary>The prefix of a presented key, or null when it is not shaped like one of ours.</summary>
    public static string? PrefixOf(string presented)
    {
        var prefixLength = Marker.Length + (PrefixBytes * 2);
        return presented.Length > prefixLength + 1 && presented.StartsWith(Marker, StringComparison.Ordinal) && presented[prefixLength] == '_'
            ? presented[..prefixLength]
            : null;
    }

    public static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    public static bool Matches(string presented, byte[] storedHash) =>
        CryptographicOperations.FixedTimeEquals(Hash(presented), storedHash);

    /// <summary>Compares against the operator key without leaking its length or content through timing.</summary>
    public static bool MatchesOperatorKey(string presented, string operatorKey) =>
        CryptographicOperations.FixedTimeEquals(Hash(presented), Hash(operatorKey));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
