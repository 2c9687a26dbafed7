using Abm.HubSpot.Sandbox.Clock;

namespace Abm.HubSpot.Sandbox.Tests.Clock;

/// <summary>A compressed clock that must never show a moment the real clock has not reached.</summary>
public sealed class ClockNeverAheadTests
{
    private static readonly DateTimeOffset RealStart = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void GetUtcNow_FastClockBehindRealTime_CatchesUpThenKeepsPace()
    {
        var real = new ManualRealClock(RealStart);
        var clock = new SimulatedClock(RealStart.AddHours(-1), speed: 60, real, neverAheadOfRealTime: true);

        real.Move(TimeSpan.FromSeconds(30));
        clock.GetUtcNow().ShouldBe(RealStart.AddMinutes(-30), "30 real seconds at 60x are 30 simulated minutes");

        real.Move(TimeSpan.FromSeconds(60));
        clock.GetUtcNow().ShouldBe(real.GetUtcNow(), "caught up: it stops at the real clock");

        real.Move(TimeSpan.FromMinutes(5));
        clock.GetUtcNow().ShouldBe(real.GetUtcNow(), "and then moves with it, never past it");
    }

    [Fact]
    public void GetUtcNow_FastClockWithoutTheRule_RunsAhead()
    {
        var real = new ManualRealClock(RealStart);
        var clock = new SimulatedClock(RealStart, speed: 60, real);

        real.Move(TimeSpan.FromSeconds(10));

        clock.GetUtcNow().ShouldBe(RealStart.AddMinutes(10));
    }

    [Fact]
    public void AdvanceAndSetNow_PastRealTime_StopAtRealTime()
    {
        var real = new ManualRealClock(RealStart);
        var clock = new SimulatedClock(RealStart.AddDays(-2), speed: 0, real, neverAheadOfRealTime: true);

        clock.Advance(TimeSpan.FromDays(1));
        clock.GetUtcNow().ShouldBe(RealStart.AddDays(-1));
        clock.Advance(TimeSpan.FromDays(5));
        clock.GetUtcNow().ShouldBe(RealStart);
        clock.SetNow(RealStart.AddYears(1));
        clock.GetUtcNow().ShouldBe(RealStart);
        new SimulatedClock(RealStart.AddHours(3), 1, real, neverAheadOfRealTime: true).GetUtcNow().ShouldBe(RealStart);
    }

    [Fact]
    public void GetUtcNow_ManyReadsWhileCatchingUp_NeverGoesBackwards()
    {
        var real = new ManualRealClock(RealStart);
        var clock = new SimulatedClock(RealStart.AddMinutes(-10), speed: 7.5, real, neverAheadOfRealTime: true);
        var previous = clock.GetUtcNow();
        var random = new Random(5);
        for (var i = 0; i < 1_000; i++)
        {
            real.Move(TimeSpan.FromMilliseconds(random.Next(0, 500)));
            if (i % 97 == 0)
            {
                clock.SetSpeed(random.Next(0, 20));
            }

            var now = clock.GetUtcNow();
            now.ShouldBeGreaterThanOrEqualTo(previous);
            now.ShouldBeLessThanOrEqualTo(real.GetUtcNow());
            previous = now;
        }
    }

    /// <summary>A real clock the test moves by hand: wall time and the timestamp counter move together.</summary>
    private sealed class ManualRealClock(DateTimeOffset start) : TimeProvider
    {
        private TimeSpan _elapsed;

        public void Move(TimeSpan by) => _elapsed += by;

        public override DateTimeOffset GetUtcNow() => start + _elapsed;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _elapsed.Ticks;
    }
}
