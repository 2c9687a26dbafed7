using Abm.HubSpot.Sandbox.Clock;

namespace Abm.HubSpot.Tests.Infrastructure;

/// <summary>
/// The client's clock in tests: "now" is the sandbox's simulated clock, and elapsed time and timers run
/// <see cref="Speed"/> times faster than real time, as the sandbox clock does. Rate-limit windows, back-off
/// and token expiry then take a fraction of a real second while keeping their proportions.
/// </summary>
internal sealed class CompressedTime(SimulatedClock clock, double speed) : TimeProvider
{
    public double Speed { get; } = speed;

    public override DateTimeOffset GetUtcNow() => clock.GetUtcNow();

    public override long GetTimestamp() => (long)(System.GetTimestamp() * Speed);

    public override long TimestampFrequency => System.TimestampFrequency;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        new ScaledTimer(System.CreateTimer(callback, state, Scale(dueTime), Scale(period)), this);

    private TimeSpan Scale(TimeSpan span) => span <= TimeSpan.Zero ? span : span / Speed;

    private sealed class ScaledTimer(ITimer inner, CompressedTime time) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => inner.Change(time.Scale(dueTime), time.Scale(period));

        public void Dispose() => inner.Dispose();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
