using Abm.HubSpot.Sandbox.Clock;
using Abm.HubSpot.Sandbox.Http;

namespace Abm.HubSpot.Sandbox.Admin;

internal sealed record ClockState(string Now, long NowEpochMs, double Speed);

internal sealed record ClockChange
{
    public DateTimeOffset? Now { get; init; }

    public double? Speed { get; init; }
}

internal sealed record ClockAdvance
{
    public long Milliseconds { get; init; }

    public double Seconds { get; init; }

    public double Minutes { get; init; }

    public double Hours { get; init; }
}

/// <summary>Reads, sets, speeds up or advances the simulated clock.</summary>
internal static class AdminClockHandlers
{
    public static IResult Get(SimulatedClock clock) => SandboxJson.Json(State(clock));

    public static async Task<IResult> SetAsync(HttpRequest request, SimulatedClock clock, CancellationToken cancellationToken)
    {
        var (change, error) = await AdminBody.ReadAsync<ClockChange>(request, cancellationToken);
        if (change is null)
        {
            return error!;
        }

        if (change.Speed is < 0)
        {
            return HubSpotErrors.Validation("speed must not be negative");
        }

        if (change.Now is { } now)
        {
            clock.SetNow(now);
        }

        if (change.Speed is { } speed)
        {
            clock.SetSpeed(speed);
        }

        return SandboxJson.Json(State(clock));
    }

    public static async Task<IResult> AdvanceAsync(HttpRequest request, SimulatedClock clock, CancellationToken cancellationToken)
    {
        var (advance, error) = await AdminBody.ReadAsync<ClockAdvance>(request, cancellationToken);
        if (advance is null)
        {
            return error!;
        }

        var by = TimeSpan.FromMilliseconds(advance.Milliseconds) + TimeSpan.FromSeconds(advance.Seconds)
            + TimeSpan.FromMinutes(advance.Minutes) + TimeSpan.FromHours(advance.Hours);
        if (by < TimeSpan.Zero)
        {
            return HubSpotErrors.Validation("the clock only moves forward");
        }

        clock.Advance(by);
        return SandboxJson.Json(State(clock));
    }

    private static ClockState State(SimulatedClock clock)
    {
        var now = clock.GetUtcNow();
        return new ClockState(HubSpotTime.Format(now), now.ToUnixTimeMilliseconds(), clock.Speed);
    }
}
