using Abm.HubSpot;

namespace Abm.Server.Features.Sync;

/// <summary>
/// Brings what contacts did in HubSpot into the engagement history: marketing email opens and clicks
/// (<see cref="EmailEventPull"/>), meetings (<see cref="MeetingPull"/>) and form submissions
/// (<see cref="FormSubmissionPull"/>). Each HubSpot event becomes one engagement event with a stable client id, so
/// reading it twice stores it once; a watermark per source keeps the next read short. Events of contacts not (yet)
/// synced are skipped, so the pulls start once the run has applied its contacts. The three sources are read at
/// once, each in its own scope, while the run reads its remaining pages: their calls fill the portal's rate budget
/// instead of queueing behind the pages.
/// </summary>
internal sealed class EngagementPull(SyncScopes scopes)
{
    /// <summary>Pulls every source; returns the contacts given new events, for the run to rescore.</summary>
    public async Task<IReadOnlyCollection<Guid>> PullAsync(HubSpotClient client, CancellationToken cancellationToken)
    {
        var marked = await Task.WhenAll(
            scopes.RunAsync<EmailEventPull>(pull => pull.PullAsync(client, cancellationToken)),
            scopes.RunAsync<MeetingPull>(pull => pull.PullAsync(client, cancellationToken)),
            scopes.RunAsync<FormSubmissionPull>(pull => pull.PullAsync(client, cancellationToken)));
        return [.. marked.SelectMany(ids => ids).Distinct()];
    }
}
