namespace Abm.HubSpot.Sandbox.Clock;

/// <summary>
/// The sandbox's notion of "now". It runs at a configurable speed relative to real time and can be
/// advanced or set, so hours of HubSpot behaviour (rate-limit windows, token expiry, webhook retries)
/// can be exercised in milliseconds.
/// </summary>
public sealed class SimulatedClock : TimeProvider
{
    private readonly TimeProvider _real;
    private readonly Lock _gate = new();
    private DateTimeOffset _anchor;
    private long _anchorTimestamp;
    private double _speed;

    public SimulatedClock(DateTimeOffset start, double speed = 1, TimeProvider? real = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(speed);
        _real = real ?? System;
        _anchor = start;
        _anchorTimestamp = _real.GetTimestamp();
        _speed = speed;
    }

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
            _anchor += by;
        }
    }

    public void SetNow(DateTimeOffset now)
    {
        lock (_gate)
        {
            _anchor = now;
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
        return _anchor + TimeSpan.FromTicks((long)(realElapsed.Ticks * _speed));
    }
}
