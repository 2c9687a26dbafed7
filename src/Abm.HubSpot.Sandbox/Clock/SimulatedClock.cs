namespace Abm.HubSpot.Sandbox.Clock;

/// <summary>
/// The sandbox's notion of "now". It runs at a configurable speed relative to real time and can be
/// advanced or set, so hours of HubSpot behaviour (rate-limit windows, token expiry, webhook retries)
/// can be exercised in milliseconds. With <c>neverAheadOfRealTime</c> it runs fast only while it is behind
/// the real clock and then keeps pace with it: buyers never act in the future of the systems that receive
/// their events (ABM Engine refuses events from its future).
/// </summary>
public sealed class SimulatedClock : TimeProvider
{
    private readonly TimeProvider _real;
    private readonly Lock _gate = new();
    private DateTimeOffset _anchor;
    private long _anchorTimestamp;
    private double _speed;

    public SimulatedClock(DateTimeOffset start, double speed = 1, TimeProvider? real = null, bool neverAheadOfRealTime = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(speed);
        _real = real ?? System;
        NeverAheadOfRealTime = neverAheadOfRealTime;
        _anchor = Capped(start);
        _anchorTimestamp = _real.GetTimestamp();
        _speed = speed;
    }

    /// <summary>True when the clock never shows a moment later than the real clock's (advances and jumps stop there).</summary>
    public bool NeverAheadOfRealTime { get; }

    /// <summary>Simulated seconds per real second; 0 freezes the clock.</summary>
    public double Speed
    {
        get
        {
            lock (_gate)
            {
                return _speed;
            }
        }
    }

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return NowUnderLock();
        }
    }

    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        lock (_gate)
        {
            Rebase();
            _anchor = Capped(_anchor + by);
        }
    }

    public void SetNow(DateTimeOffset now)
    {
        lock (_gate)
        {
            _anchor = Capped(now);
            _anchorTimestamp = _real.GetTimestamp();
        }
    }

    public void SetSpeed(double speed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(speed);
        lock (_gate)
        {
            Rebase();
            _speed = speed;
        }
    }

    // Folds the real time elapsed so far into the anchor so that a speed change or jump only
    // affects time from now on.
    private void Rebase()
    {
        _anchor = NowUnderLock();
        _anchorTimestamp = _real.GetTimestamp();
    }

    private DateTimeOffset NowUnderLock()
    {
        var realElapsed = _real.GetElapsedTime(_anchorTimestamp);
        return Capped(_anchor + TimeSpan.FromTicks((long)(realElapsed.Ticks * _speed)));
    }

    // The minimum of two clocks that only move forward only moves forward, so capping keeps time monotonic.
    private DateTimeOffset Capped(DateTimeOffset simulated) =>
        NeverAheadOfRealTime && _real.GetUtcNow() is var real && simulated > real ? real : simulated;
}
