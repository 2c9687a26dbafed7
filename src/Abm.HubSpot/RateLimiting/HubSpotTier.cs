namespace Abm.HubSpot.RateLimiting;

/// <summary>The portal's HubSpot subscription tier, which decides a private app's burst limit.</summary>
public enum HubSpotTier
{
    /// <summary>100 calls per 10 seconds.</summary>
    Free,

    /// <summary>100 calls per 10 seconds.</summary>
    Starter,

    /// <summary>190 calls per 10 seconds.</summary>
    Professional,

    /// <summary>190 calls per 10 seconds.</summary>
    Enterprise,
}
