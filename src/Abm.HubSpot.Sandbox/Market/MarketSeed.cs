namespace Abm.HubSpot.Sandbox.Market;

/// <summary>
/// Derives an independent generator for each purpose and record from the portal seed, so a record's hidden
/// traits do not depend on the order records are visited in or on how many others exist.
/// </summary>
internal static class MarketSeed
{
    public const ulong Catalogue = 0xC0_47E7;
    public const ulong Account = 0xACC0_0117;
    public const ulong Contact = 0xC047_AC7;
    public const ulong Response = 0x8E5_907;
    public const ulong Behaviour = 0xBE4A_71;
    public const ulong Deals = 0xDEA1_5;
    public const ulong Tasks = 0x7A5C_5;

    public static Random For(int seed, ulong purpose, long id) => new(Derive(seed, purpose, id));

    /// <summary>A uniform number in [0, 1) fixed by its inputs: the same send at the same moment always draws the same.</summary>
    public static double Uniform(int seed, ulong purpose, long id, long detail) =>
        (Mix(Mix(Mix((ulong)seed ^ purpose) ^ (ulong)id) ^ (ulong)detail) >> 11) * (1.0 / (1UL << 53));

    /// <summary>A stable 64-bit hash of a text (FNV-1a), unlike string.GetHashCode which changes per process.</summary>
    public static long Hash(string text)
    {
        var hash = 0xCBF29CE484222325UL;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 0x100000001B3UL;
        }

        return (long)hash;
    }

    private static int Derive(int seed, ulong purpose, long id) => (int)(Mix(Mix((ulong)seed ^ purpose) ^ (ulong)id) & int.MaxValue);

    // SplitMix64's finalizer: spreads nearby inputs (consecutive ids) over unrelated outputs.
    private static ulong Mix(ulong value)
    {
        value += 0x9E3779B97F4A7C15UL;
        value = (value ^ (value >> 30)) * 0xBF58476D1CE4E5B9UL;
        value = (value ^ (value >> 27)) * 0x94D049BB133111EBUL;
        return value ^ (value >> 31);
    }
}
