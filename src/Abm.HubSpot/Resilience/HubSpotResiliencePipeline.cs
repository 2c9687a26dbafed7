using Polly;
using Polly.Retry;

namespace Abm.HubSpot.Resilience;

/// <summary>
/// The Polly pipeline around every attempt: a total time limit, bounded retries of transient failures
/// (429 except DAILY, 5xx, 423, 477, timeouts, dropped connections, unreadable bodies). The per-attempt
/// timeout is a pipeline of its own, applied to the HTTP exchange only, so time spent waiting for the
/// rate limiter never counts as a slow answer.
/// </summary>
internal static class HubSpotResiliencePipeline
{
    public static ResiliencePipeline Build(HubSpotRetryOptions options, TimeProvider time, Action<Exception?, int, TimeSpan> onRetry)
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = time }.AddTimeout(options.TotalTimeout);
        if (options.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetryAttempts,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is { } failure && HubSpotFailures.IsTransient(failure)),
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(RetryDelays.For(args.Outcome.Exception, args.AttemptNumber, options)),
                OnRetry = args =>
                {
                    onRetry(args.Outcome.Exception, args.AttemptNumber + 1, args.RetryDelay);
                    return default;
                },
            });
        }

        return builder.Build();
    }

    public static ResiliencePipeline BuildAttemptTimeout(HubSpotRetryOptions options, TimeProvider time) =>
        new ResiliencePipelineBuilder { TimeProvider = time }.AddTimeout(options.AttemptTimeout).Build();
}
