using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Abm.Server.Features.Observability;

/// <summary>
/// The server's own instruments, on a meter from the host's <see cref="IMeterFactory"/> (so hosts sharing a
/// process, as tests do, never count each other's work). Features record through the methods here; the
/// backlog gauges read what <see cref="BacklogSampler"/> last measured.
/// </summary>
internal sealed class AbmMetrics
{
    public const string MeterName = "Abm";
    public const string HubSpotMeterName = Abm.HubSpot.HubSpotClient.MeterName;

    public static readonly ActivitySource Tracing = new(MeterName);

    private readonly Counter<long> _syncRecords;
    private readonly Histogram<double> _recomputeDuration;
    private readonly Counter<long> _scoringFailures;
    private readonly Counter<long> _recommendationLookups;
    private readonly Counter<long> _nurtureActions;
    private readonly Counter<long> _databaseFailures;
    private readonly Counter<long> _llmCalls;
    private readonly Histogram<double> _llmDuration;
    private readonly Counter<double> _llmCost;
    private readonly Counter<long> _llmTokens;
    private volatile BacklogSample _backlog = BacklogSample.None;

    public AbmMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        HubSpotMeter = meters.Create(HubSpotMeterName);
        _syncRecords = meter.CreateCounter<long>("abm.sync.records", "{record}", "Records a sync applied, by object type.");
        _recomputeDuration = meter.CreateHistogram<double>("abm.scoring.recompute.duration", "s", "Time to recompute a batch of contacts and their accounts.");
        _scoringFailures = meter.CreateCounter<long>("abm.scoring.failures", "{recompute}", "Recomputes that failed.");
        _recommendationLookups = meter.CreateCounter<long>("abm.recommendations.lookups", "{lookup}", "Recommendation requests, by cache result (hit or miss).");
        _nurtureActions = meter.CreateCounter<long>("abm.nurture.actions", "{action}", "Nurture actions settled, by kind and outcome (done, skipped, failed and retrying, parked).");
        _databaseFailures = meter.CreateCounter<long>("abm.database.connection_failures", "{failure}", "Attempts to open a database connection that failed.");
        _llmCalls = meter.CreateCounter<long>("abm.llm.calls", "{call}", "Requests to a language model, by provider, model and outcome (ok, or how the request failed).");
        _llmDuration = meter.CreateHistogram<double>("abm.llm.duration", "s", "Time a request to a language model took, by provider and model.");
        _llmCost = meter.CreateCounter<double>("abm.llm.cost", "USD", "Estimated cost of language-model calls, by provider and model.");
        _llmTokens = meter.CreateCounter<long>("abm.llm.tokens", "{token}", "Tokens sent to and received from language models, by provider, model and direction (input or output).");
        meter.CreateObservableGauge("abm.webhooks.inbox.depth", () => _backlog.InboxDepth, "{batch}", "Webhook batches waiting to be applied.");
        meter.CreateObservableGauge("abm.webhooks.inbox.oldest_age", () => _backlog.InboxOldestAge.TotalSeconds, "s", "Age of the oldest webhook batch waiting.");
        meter.CreateObservableGauge("abm.writeback.outbox.depth", () => _backlog.OutboxDepth, "{record}", "Records waiting to be written back to HubSpot.");
        meter.CreateObservableGauge("abm.writeback.outbox.oldest_age", () => _backlog.OutboxOldestAge.TotalSeconds, "s", "Age of the oldest record waiting to be written back.");
    }

    /// <summary>The meter HubSpot clients of this host create their instruments on.</summary>
    public Meter HubSpotMeter { get; }

    public BacklogSample Backlog => _backlog;

    public void SyncApplied(string objectType, int records) => _syncRecords.Add(records, new KeyValuePair<string, object?>("object_type", objectType));

    public void Recomputed(TimeSpan elapsed) => _recomputeDuration.Record(elapsed.TotalSeconds);

    public void ScoringFailed() => _scoringFailures.Add(1);

    public void RecommendationLookup(bool cacheHit) => _recommendationLookups.Add(1, new KeyValuePair<string, object?>("result", cacheHit ? "hit" : "miss"));

    public void NurtureAction(string kind, string outcome) =>
        _nurtureActions.Add(1, new KeyValuePair<string, object?>("kind", kind), new KeyValuePair<string, object?>("outcome", outcome));

    public void DatabaseConnectionFailed() => _databaseFailures.Add(1);

    /// <summary>One request to a language model: <paramref name="outcome"/> is <c>ok</c> or how it failed.</summary>
    public void LanguageModelCalled(string provider, string model, string outcome, TimeSpan elapsed, int inputTokens, int outputTokens, double costUsd)
    {
        var who = new TagList { { "provider", provider }, { "model", model } };
        var withOutcome = who;
        withOutcome.Add("outcome", outcome);
        _llmCalls.Add(1, withOutcome);
        _llmDuration.Record(elapsed.TotalSeconds, who);
        _llmCost.Add(costUsd, who);
        var input = who;
        input.Add("direction", "input");
        _llmTokens.Add(inputTokens, input);
        var output = who;
        output.Add("direction", "output");
        _llmTokens.Add(outputTokens, output);
    }

    public void Sampled(BacklogSample sample) => _backlog = sample;
}

/// <summary>Webhook inbox and write-back outbox backlogs, as of <see cref="At"/>.</summary>
internal sealed record BacklogSample(DateTimeOffset At, long InboxDepth, TimeSpan InboxOldestAge, long OutboxDepth, TimeSpan OutboxOldestAge)
{
    public static readonly BacklogSample None = new(DateTimeOffset.MinValue, 0, TimeSpan.Zero, 0, TimeSpan.Zero);
}
