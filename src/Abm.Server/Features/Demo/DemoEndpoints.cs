using Abm.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Features.Demo;

internal static class DemoEndpoints
{
    public static RouteGroupBuilder MapDemoEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/demo", GetAsync).WithTags("Demo").WithName("GetDemoStatus")
            .WithSummary("Whether this server runs the demo on simulated data, and how much live buyer activity has landed.");
        return api;
    }

    private static async Task<Ok<DemoResponse>> GetAsync(DemoStatus demo, AbmDbContext database, CancellationToken cancellationToken)
    {
        if (!demo.Enabled)
        {
            return TypedResults.Ok(new DemoResponse(false, null, null, null, null, 0, 0, 0, 0, 0, 0, null, 0));
        }

        // Counts of the caller's workspace only: the context's workspace filter applies to every set read here.
        // Live: stored since the demo was ready in this process, so the sync's history does not count.
        var since = demo.ReadyAt ?? DateTime.MaxValue;
        var live = database.EngagementEvents.Where(e => e.CreatedAt >= since);
        return TypedResults.Ok(new DemoResponse(
            true,
            DemoStatus.Note,
            demo.StartedAt,
            demo.ReadyAt,
            demo.Problem,
            await database.Contacts.CountAsync(c => c.ArchivedAt == null, cancellationToken),
            await database.ContactScores.CountAsync(cancellationToken),
            await database.Companies.CountAsync(cancellationToken),
            await database.ContentItems.CountAsync(cancellationToken),
            await database.EngagementEvents.LongCountAsync(cancellationToken),
            await live.LongCountAsync(cancellationToken),
            await live.MaxAsync(e => (DateTime?)e.OccurredAt, cancellationToken),
            await database.WebhookInbox.CountAsync(b => b.WorkspaceId == database.CurrentWorkspaceId && b.ReceivedAt >= since, cancellationToken)));
    }
}
