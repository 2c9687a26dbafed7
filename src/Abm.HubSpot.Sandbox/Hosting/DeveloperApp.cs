namespace Abm.HubSpot.Sandbox.Hosting;

/// <summary>The public app (and its developer account) that is installed in every sandbox portal.</summary>
internal sealed record DeveloperApp(string ClientId, string ClientSecret, long AppId, string DeveloperApiKey)
{
    public static DeveloperApp FromSeed(int seed)
    {
        var random = new Random(unchecked((seed * 7919) + 104_729));
        return new DeveloperApp(SeededGuid(random), SeededGuid(random), 1_000_000 + random.Next(1, 8_999_999), SeededGuid(random));
    }

    /// <summary>A GUID-shaped value drawn from the seeded generator, so credentials repeat for a given seed.</summary>
    public static string SeededGuid(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes).ToString();
    }
}
