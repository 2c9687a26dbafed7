namespace Abm.HubSpot.Sandbox.Hosting;

/// <summary>One portal to create when the sandbox starts.</summary>
public sealed record SandboxPortalOptions
{
    public SandboxTier Tier { get; init; } = SandboxTier.Professional;

    /// <summary>Number of seeded companies (target accounts).</summary>
    public int Accounts { get; init; } = 20;

    /// <summary>Seed of this portal's data; defaults to the sandbox seed plus the portal's index.</summary>
    public int? Seed { get; init; }

    /// <summary>Purchased "API limit increase" add-ons (0 to 2).</summary>
    public int ApiLimitIncreases { get; init; }

    /// <summary>Overrides the tier's private-app burst limit per 10 seconds (to test limits cheaply).</summary>
    public int? BurstLimit { get; init; }

    /// <summary>Overrides the tier's daily limit (to test the daily limit without 250,000 calls).</summary>
    public long? DailyLimit { get; init; }

    /// <summary>Scopes granted to the portal's private-app token; null grants every known scope.</summary>
    public IReadOnlyCollection<string>? PrivateAppScopes { get; init; }

    /// <summary>IANA or Windows id of the portal's time zone; the daily limit resets at its midnight.</summary>
    public string TimeZone { get; init; } = "UTC";
}
