using Abm.Data;
using Abm.Data.Entities;
using Abm.Engines.Nurture;
using Abm.HubSpot;
using Abm.Server.Features.Sync;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Features.Nurture.Enrollments;

/// <summary>
/// Fires <c>list_joined</c> triggers. HubSpot sends no webhook when a contact joins a list, so each sync reads the
/// members of every list an active sequence's trigger names (250 a call) and enrols the synced contacts who joined
/// since the list was last read: its newest join time is kept as a watermark (<c>sync_state</c> row
/// <c>list:{id}</c>). The first read of a list only sets that watermark: contacts already in it did not join
/// while the trigger watched (bulk enrolment by list takes them). A list that cannot be read is logged and skipped.
/// </summary>
internal sealed partial class ListJoinPull(
    AbmDbContext database, SequenceDefinitions definitions, EnrollmentService enrollments, SyncStates syncStates, TimeProvider clock, ILogger<ListJoinPull> logger)
{
    public const string StatePrefix = "list:";

    /// <summary>Returns how many enrolments the joins made.</summary>
    public async Task<int> PullAsync(HubSpotClient client, CancellationToken cancellationToken)
    {
        var enrolled = 0;
        foreach (var list in (await WatchedAsync(cancellationToken)).GroupBy(w => w.ListId, StringComparer.Ordinal))
        {
            try
            {
                enrolled += await PullListAsync(client, list.Key, [.. list.Select(w => w.Sequence)], cancellationToken);
            }
            catch (HubSpotApiException error)
            {
                database.ChangeTracker.Clear();
                LogListUnreadable(list.Key, (int)error.StatusCode, error.Message);
            }
        }

        return enrolled;
    }

    private async Task<List<(NurtureSequence Sequence, string ListId)>> WatchedAsync(CancellationToken cancellationToken)
    {
        var watched = new List<(NurtureSequence, string)>();
        foreach (var sequence in await database.NurtureSequences.AsNoTracking().Where(s => s.Status == "active").ToListAsync(cancellationToken))
        {
            if (await definitions.GetAsync(database, sequence.Id, sequence.Version, cancellationToken) is { } definition)
            {
                watched.AddRange(definition.Triggers.OfType<ListJoinedTrigger>().Select(t => (sequence, t.ListId)));
            }
        }

        return watched;
    }

    private async Task<int> PullListAsync(HubSpotClient client, string listId, IReadOnlyList<NurtureSequence> sequences, CancellationToken cancellationToken)
    {
        var key = StatePrefix + listId;
        var state = (await syncStates.LoadAsync([key], cancellationToken))[key];
        var since = state.IncrementalWatermark;
        var newest = since ?? DateTime.UnixEpoch;
        var joined = new List<string>();
        await foreach (var page in client.Lists.MembershipsAsync(listId, cancellationToken: cancellationToken))
        {
            foreach (var member in page.Where(m => m.JoinedAt is not null))
            {
                var at = member.JoinedAt!.Value.UtcDateTime;
                if (since is not null && at > since)
                {
                    joined.Add(member.RecordId);
                }

                newest = at > newest ? at : newest;
            }
        }

        var contacts = await ContactSelection.SyncedAsync(database, joined, cancellationToken);
        var enrolled = 0;
        foreach (var sequence in contacts.Count == 0 ? [] : sequences)
        {
            enrolled += (await enrollments.EnrollAsync(sequence, contacts, "trigger:list_joined", cancellationToken)).Enrolled;
        }

        // Saved after the enrolments: a run that stops before reads the same joins again, and enrolling twice is refused.
        state.IncrementalWatermark = newest;
        state.LastRunAt = clock.GetUtcNow().UtcDateTime;
        await database.SaveChangesAsync(cancellationToken);
        return enrolled;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "HubSpot list {ListId}, named by a nurture list_joined trigger, could not be read ({Status}): {Reason}")]
    private partial void LogListUnreadable(string listId, int status, string reason);
}
