using System.Threading.RateLimiting;

namespace Abm.HubSpot.RateLimiting;

/// <summary>
/// A token bucket on an injected <see cref="TimeProvider"/> whose size can be corrected at run time.
/// The framework's <see cref="TokenBucketRateLimiter"/> reads the machine clock directly and has fixed
/// options, so it can follow neither a simulated clock nor HubSpot's rate-limit headers.
/// Waiters queue at a turnstile; only the first sleeps until a token has accrued, so a late timer or a
/// stalled machine can never release more than the bucket's capacity at once.
/// </summary>
internal sealed class TokenBucket : RateLimiter
{
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private BucketSize _size;
    private double _tokens;
    private long _refilledAt;
    private readonly SemaphoreSlim _turnstile = new(1, 1);
    private long _idleSince;

    public TokenBucket(BucketSize size, TimeProvider time)
    {
        _time = time;
        _size = size;
        _tokens = size.Capacity;
        _refilledAt = time.GetTimestamp();
        _idleSince = _refilledAt;
    }

    public BucketSize Size
    {
        get
        {
            lock (_gate)
            {
                return _size;
            }
        }
    }

    public override TimeSpan? IdleDuration
    {
        get
        {
            lock (_gate)
            {
                return _tokens >= 0 ? _time.GetElapsedTime(_idleSince) : null;
            }
        }
    }

    /// <summary>Adopts a new size (HubSpot reported another limit); tokens already earned are kept up to the new capacity.</summary>
    public void Resize(BucketSize size)
    {
        lock (_gate)
        {
            Refill();
            _size = size;
            _tokens = Math.Min(_tokens, size.Capacity);
        }
    }

    /// <summary>Never lets more than <paramref name="available"/> calls start at once (HubSpot knows better how many remain).</summary>
    public void LimitTo(double available)
    {
        lock (_gate)
        {
            Refill();
            _tokens = Math.Min(_tokens, available);
        }
    }

    public override RateLimiterStatistics? GetStatistics()
    {
        lock (_gate)
        {
            Refill();
            return new RateLimiterStatistics { CurrentAvailablePermits = (long)Math.Floor(Math.Max(0, _tokens)) };
        }
    }

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        lock (_gate)
        {
            Refill();
            if (_tokens < permitCount)
            {
                return BucketLease.Rejected(TimeSpan.FromSeconds((permitCount - _tokens) / _size.TokensPerSecond));
            }

            _tokens -= permitCount;
            return BucketLease.Granted;
        }
    }

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        await _turnstile.WaitAsync(cancellationToken);
        try
        {
            while (true)
            {
                TimeSpan wait;
                lock (_gate)
                {
                    Refill();
                    if (_tokens >= permitCount)
                    {
                        _tokens -= permitCount;
                        return BucketLease.Granted;
                    }

                    wait = TimeSpan.FromSeconds((permitCount - _tokens) / _size.TokensPerSecond);
                }

                await Task.Delay(wait, _time, cancellationToken);
            }
        }
        finally
        {
            _turnstile.Release();
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _turnstile.Dispose();
        }

        base.Dispose(disposing);
    }

    private void Refill()
    {
        var now = _time.GetTimestamp();
        var elapsed = _time.GetElapsedTime(_refilledAt, now);
        _refilledAt = now;
        _tokens = Math.Min(_size.Capacity, _tokens + (elapsed.TotalSeconds * _size.TokensPerSecond));
        if (_tokens < _size.Capacity)
        {
            _idleSince = now;
        }
    }

    private sealed class BucketLease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public static BucketLease Granted { get; } = new(true, null);

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public static BucketLease Rejected(TimeSpan retryAfter) => new(false, retryAfter);

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = retryAfter;
            return retryAfter is not null && metadataName == MetadataName.RetryAfter.Name;
        }
    }
}
