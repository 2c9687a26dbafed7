using Abm.Data;
using Abm.Data.Entities;
using Abm.Engines;
using Abm.Engines.Engagement;
using Abm.Engines.Insights;
using Abm.Engines.Journey;
using Abm.Engines.Nurture;
using Abm.Server.Features.Live;
using Abm.Server.Features.Nurture.Enrollments;
using Abm.Server.Features.Observability;
using Abm.Server.Features.Overview;
using Abm.Server.Features.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Features.Engagement;

internal sealed record RecomputeSummary(int Contacts, int Accounts, int QueuedForWriteBack);

/// <summary>
/// Recomputes contacts' engagement, stage, persona and preferred format, then the accounts they belong to,
/// and queues significant changes for write-back. Works on the workspace the context is scoped to. A contact who
/// withdrew profiling is left out: its stored values stay as they were at the withdrawal and are not written to HubSpot.
/// </summary>
internal sealed class EngagementRecompute(
    AbmDbContext database, EngagementSettingsStore settingsStore, WriteBackQueue writeBack, AccountRollup accounts, RecomputeLocks locks,
    NurtureTriggers triggers, ScoreHistory history, LiveHub live, ProfilingConsent profiling, AbmMetrics metrics, TimeProvider clock)
{
    private const int ChunkSize = 500;

    public Task<RecomputeSummary> RecomputeWorkspaceAsync(CancellationToken cancellationToken) => RecomputeWorkspaceAsync(null, cancellationToken);

    /// <summary>Every contact of the workspace; <paramref name="progress"/> hears how many are done after each chunk, out of how many.</summary>
    public async Task<RecomputeSummary> RecomputeWorkspaceAsync(IProgress<(int Done, int Total)>? progress, CancellationToken cancellationToken)
    {
        var ids = await database.Contacts.Where(c => c.ArchivedAt == null).OrderBy(c => c.Id).Select(c => c.Id).ToListAsync(cancellationToken);
        return await RecomputeContactsAsync(ids, progress, cancellationToken);
    }

    public Task<RecomputeSummary> RecomputeContactsAsync(IReadOnlyCollection<Guid> contactIds, CancellationToken cancellationToken) =>
        RecomputeContactsAsync(contactIds, null, cancellationToken);

    private async Task<RecomputeSummary> RecomputeContactsAsync(IReadOnlyCollection<Guid> contactIds, IProgress<(int Done, int Total)>? progress, CancellationToken cancellationToken)
    {
        var started = clock.GetTimestamp();
        try
        {
            var summary = await RecomputeUnmeasuredAsync(contactIds, progress, cancellationToken);
            metrics.Recomputed(clock.GetElapsedTime(started));
            return summary;
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            metrics.ScoringFailed();
            throw;
        }
    }

    private async Task<RecomputeSummary> RecomputeUnmeasuredAsync(IReadOnlyCollection<Guid> contactIds, IProgress<(int Done, int Total)>? progress, CancellationToken cancellationToken)
    {
        var workspaceId = database.CurrentWorkspaceId ?? throw new InvalidOperationException("Recompute needs a workspace-scoped context.");
        using var held = await locks.TakeAsync(workspaceId, cancellationToken);
        var settings = await settingsStore.LoadAsync(workspaceId, cancellationToken);
        var (contacts, queued) = (0, 0);
        var companies = new HashSet<Guid>();
        var distinct = contactIds.Distinct().ToList();
        var processed = 0;
        var readings = new AccountReadingLoader(database);
        foreach (var chunk in distinct.Chunk(ChunkSize))
        {
            var (done, written, touched) = await RetryOnceAsync(() => RecomputeChunkAsync(chunk, settings, readings, cancellationToken));
            (contacts, queued) = (contacts + done, queued + written);
            companies.UnionWith(touched);
            database.ChangeTracker.Clear();
            progress?.Report((processed += chunk.Length, distinct.Count));
            live.Publish(workspaceId, LiveKinds.Scores);
        }

        var accountResult = await RetryOnceAsync(() => accounts.RollUpAsync(companies, settings, cancellationToken));
        // The day's overview figures, for the trends; another instance may start the day's row first.
        await RetryOnceAsync(async () =>
        {
            await history.RecordWorkspaceDayAsync(workspaceId, cancellationToken);
            return true;
        });
        live.Publish(workspaceId, LiveKinds.Scores);
        return new RecomputeSummary(contacts, accountResult.Accounts, queued + accountResult.Queued);
    }

    /// <summary>
    /// Another instance may insert the same score rows first; the unique keys reject ours, and a second
    /// attempt, which re-reads, updates them instead.
    /// </summary>
    private async Task<T> RetryOnceAsync<T>(Func<Task<T>> work)
    {
        try
        {
            return await work();
        }
        catch (DbUpdateException)
        {
            database.ChangeTracker.Clear();
            return await work();
        }
    }

    private async Task<(int Contacts, int Queued, IEnumerable<Guid> Companies)> RecomputeChunkAsync(
        Guid[] ids, EngagementSettings settings, AccountReadingLoader readings, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var facts = await ContactFactsLoader.LoadAsync(database, ids, now, settings, cancellationToken);
        var withdrawn = await profiling.WithdrawnAsync(ids, cancellationToken);
        var contacts = await database.Contacts.Where(c => ids.Contains(c.Id)).ToListAsync(cancellationToken);
        contacts.RemoveAll(c => withdrawn.Contains(c.Id));
        // The committee moves together: each contact's stage also weighs what its whole account has been reading.
        var accountReadings = await readings.LoadAsync(contacts.Select(c => c.CompanyId).OfType<Guid>(), now, settings, cancellationToken);
        var scores = await database.ContactScores.Where(s => ids.Contains(s.ContactId)).ToDictionaryAsync(s => s.ContactId, cancellationToken);
        var hubSpotIds = contacts.Select(c => c.HubSpotId).ToList();
        var lastWritten = await writeBack.LastContactInsightsAsync(hubSpotIds, cancellationToken);
        await writeBack.PreloadPendingAsync(WriteBackQueue.ContactObject, hubSpotIds, cancellationToken);
        var queued = 0;
        var changes = new Dictionary<Guid, ContactChange>();
        foreach (var contact in contacts)
        {
            var (scoreBefore, stageBefore) = (contact.EngagementScore, StageOf(contact));
            var accountReading = contact.CompanyId is { } companyId ? accountReadings.GetValueOrDefault(companyId) ?? StageVotes.None : StageVotes.None;
            var conclusion = ContactInsightCalculator.Conclude(facts[contact.Id], now, settings, accountReading);
            Apply(contact, conclusion, facts[contact.Id].LastEventAt, now.UtcDateTime);
            SaveScore(scores, contact, conclusion.Score, now.UtcDateTime);
            changes[contact.Id] = new ContactChange(scoreBefore, contact.EngagementScore, stageBefore, StageOf(contact), contact.Segments.ToHashSet(StringComparer.Ordinal));
            if (SignificantChange.IsSignificant(lastWritten.GetValueOrDefault(contact.HubSpotId), conclusion.Insight, settings.SignificantScoreDelta))
            {
                writeBack.EnqueueContact(contact, conclusion.Insight);
                queued++;
            }
        }

        await database.SaveChangesAsync(cancellationToken);
        // Score and stage crossings are seen only here, where the before and after values meet.
        await triggers.OnChangesAsync(changes, cancellationToken);
        return (contacts.Count, queued, contacts.Select(c => c.CompanyId).OfType<Guid>().ToList());
    }

    private static JourneyStage? StageOf(Contact contact) =>
        WireNames.TryParseJourneyStage(contact.JourneyStageOverride ?? contact.JourneyStage, out var stage) ? stage : null;

    private static void Apply(Contact contact, ContactConclusion conclusion, DateTime? lastEventAt, DateTime now)
    {
        contact.EngagementScore = (int)Math.Round(conclusion.Score.Total);
        contact.JourneyStage = conclusion.Stage.Stage.ToWireName();
        contact.PersonaType = conclusion.Persona.ToWireName();
        contact.PreferredContentFormat = conclusion.Formats.Preferred?.ToWireName();
        if (lastEventAt is { } last && (contact.LastInteractionAt is null || contact.LastInteractionAt < last))
        {
            contact.LastInteractionAt = last;
        }

        contact.UpdatedAt = now;
    }

    private void SaveScore(Dictionary<Guid, ContactScore> scores, Contact contact, ContactEngagementScore score, DateTime now)
    {
        if (!scores.TryGetValue(contact.Id, out var row))
        {
            row = new ContactScore { Id = Guid.CreateVersion7(), WorkspaceId = contact.WorkspaceId, ContactId = contact.Id };
            database.ContactScores.Add(row);
        }

        row.Score = score.Total;
        row.Recency = score.Recency;
        row.Frequency = score.Frequency;
        row.Quality = score.Quality;
        row.Diversity = score.Diversity;
        row.Progression = score.Progression;
        row.EventsInWindow = score.EventsInWindow;
        row.LastEventAt = score.LastEventAt?.UtcDateTime;
        row.CurrentPeriodPoints = score.CurrentPeriodPoints;
        row.PreviousPeriodPoints = score.PreviousPeriodPoints;
        row.ComputedAt = now;
    }
}
