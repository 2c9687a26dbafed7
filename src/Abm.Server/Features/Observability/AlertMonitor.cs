using Abm.Server.Background;
using Microsoft.Extensions.Options;

namespace Abm.Server.Features.Observability;

/// <summary>
/// Evaluates the alert rules on a fixed period over a sliding window of the collected figures. An alert raised
/// is logged and posted once; while it holds it stays active with the time it began; when it clears, that is
/// logged and posted too.
/// </summary>
internal sealed partial class AlertMonitor(
    MetricsCollector collector, AbmMetrics metrics, AlertNotifier notifier, IOptions<AlertOptions> options, TimeProvider clock, ILogger<AlertMonitor> logger)
    : BackgroundService
{
    private readonly Queue<(DateTimeOffset At, AlertTotals Totals)> _history = new();
    private readonly Lock _gate = new();
    private Dictionary<string, Alert> _active = [];

    public DateTimeOffset? EvaluatedAt { get; private set; }

    public IReadOnlyList<Alert> Active
    {
        get
        {
            lock (_gate)
            {
                return [.. _active.Values.OrderBy(a => a.Since)];
            }
        }
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        WorkerLoop.RunAsync(nameof(AlertMonitor), EvaluateAsync,
            ct => Task.Delay(TimeSpan.FromSeconds(options.Value.EvaluateSeconds), clock, ct), clock, logger, stoppingToken);

    public async Task EvaluateAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow();
        var totals = AlertTotals.Read(collector, settings);
        _history.Enqueue((now, totals));
        while (_history.Count > 1 && now - _history.Peek().At > TimeSpan.FromMinutes(settings.WindowMinutes))
        {
            _history.Dequeue();
        }

        var window = totals.Minus(_history.Peek().Totals);
        var findings = AlertRules.Evaluate(window, metrics.Backlog, settings).ToDictionary(f => f.Id);
        List<Alert> raised;
        List<Alert> cleared;
        lock (_gate)
        {
            raised = [.. findings.Values.Where(f => !_active.ContainsKey(f.Id)).Select(f => new Alert(f.Id, f.Severity, f.Summary, f.WhatToCheck, now.UtcDateTime))];
            cleared = [.. _active.Values.Where(a => !findings.ContainsKey(a.Id))];
            _active = findings.Values.ToDictionary(
                f => f.Id,
                f => new Alert(f.Id, f.Severity, f.Summary, f.WhatToCheck, _active.TryGetValue(f.Id, out var held) ? held.Since : now.UtcDateTime));
            EvaluatedAt = now;
        }

        foreach (var alert in raised)
        {
            LogRaised(alert.Id, alert.Summary, alert.WhatToCheck);
            await notifier.PostAsync($"ABM Engine alert ({alert.Severity}): {alert.Summary} What to check: {alert.WhatToCheck}", cancellationToken);
        }

        foreach (var alert in cleared)
        {
            LogCleared(alert.Id);
            await notifier.PostAsync($"ABM Engine alert resolved: {alert.Id} (raised {alert.Since:yyyy-MM-dd HH:mm} UTC).", cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert {AlertId} raised: {Summary} What to check: {WhatToCheck}")]
    private partial void LogRaised(string alertId, string summary, string whatToCheck);

    [LoggerMessage(Level = LogLevel.Information, Message = "Alert {AlertId} cleared")]
    private partial void LogCleared(string alertId);
}
