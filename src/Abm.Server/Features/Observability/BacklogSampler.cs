using Abm.Data;
using Abm.Server.Background;
using Abm.Server.Features.Webhooks;
using Abm.Server.Features.WriteBack;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Abm.Server.Features.Observability;

/// <summary>
/// Measures the webhook inbox and the write-back outbox (rows waiting, age of the oldest) across every workspace
/// on a fixed period, for the backlog gauges and the inbox-backlog alert. Two indexed aggregate queries a period,
/// instead of a query per scrape.
/// </summary>
internal sealed class BacklogSampler(IServiceScopeFactory scopes, AbmMetrics metrics, IOptions<AlertOptions> options, TimeProvider clock, ILogger<BacklogSampler> logger)
    : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        WorkerLoop.RunAsync(nameof(BacklogSampler), SampleAsync,
            ct => Task.Delay(TimeSpan.FromSeconds(options.Value.EvaluateSeconds), clock, ct), clock, logger, stoppingToken);

    public async Task SampleAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<AbmDbContext>();
        var now = clock.GetUtcNow();
        var inbox = await database.WebhookInbox.IgnoreQueryFilters()
            .Where(i => i.Status == WebhookInboxStatus.Pending || i.Status == WebhookInboxStatus.Processing)
            .GroupBy(_ => 1).Select(g => new { Count = g.LongCount(), Oldest = g.Min(i => i.ReceivedAt) })
            .SingleOrDefaultAsync(cancellationToken);
        var outbox = await database.HubSpotOutbox.IgnoreQueryFilters()
            .Where(o => o.Status == OutboxStatus.Pending || o.Status == OutboxStatus.Sending)
            .GroupBy(_ => 1).Select(g => new { Count = g.LongCount(), Oldest = g.Min(o => o.CreatedAt) })
            .SingleOrDefaultAsync(cancellationToken);
        metrics.Sampled(new BacklogSample(
            now,
            inbox?.Count ?? 0, inbox is null ? TimeSpan.Zero : Age(now, inbox.Oldest),
            outbox?.Count ?? 0, outbox is null ? TimeSpan.Zero : Age(now, outbox.Oldest)));
    }

    private static TimeSpan Age(DateTimeOffset now, DateTime oldest)
    {
        var age = now - new DateTimeOffset(DateTime.SpecifyKind(oldest, DateTimeKind.Utc));
        return age < TimeSpan.Zero ? TimeSpan.Zero : age;
    }
}
