namespace Abm.HubSpot.Tests.RateLimiting;

/// <summary>
/// Tests that count 429s run alone and at a gentler time compression: compressed time multiplies every
/// scheduling delay of a busy test machine, which would bunch up calls the limiter spaced correctly.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TimingSensitiveTests
{
    public const string Name = "Timing";
    public const double Speed = 4;
}
