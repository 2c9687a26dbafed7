using System.Globalization;
using System.Text.Json;
using Abm.Data;
using Abm.Data.Entities;
using Abm.Engines.Leads;
using Abm.Server.Features.Engagement;
using Abm.Server.Features.Live;
using Abm.Server.Features.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Abm.Server.Features.Leads;

/// <summary>
/// Scores leads: builds each lead's facts, has <see cref="LeadAnswers"/> score them (the configured language model,
/// or the deterministic scorer with none or when it fails) and keeps the result as the contact's current lead score,
/// queues <c>ai_lead_score</c>, <c>ai_lead_fit</c>, <c>ai_next_best_action</c> and <c>ai_last_scored</c> for
/// HubSpot through the outbox, and routes the lead when its priority changed. Works on the workspace the
/// context is scoped to, a chunk of contacts at a time.
/// </summary>
internal sealed class LeadScoring(
    AbmDbContext database, LeadFactsLoader loader, IcpStore icp, LeadAnswers answers, WriteBackQueue writeBack, LeadRouting routing, ProfilingConsent profiling,
    LiveHub live, TimeProvider clock, IOptions<LeadScoringOptions> options)
{
    public const int SimilarCount = 5;
    private const int Chunk = 500;
    private const int MaxChunkAttempts = 3;
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Every contact of the workspace, or (<paramref name="onlyUnscored"/>) those with no lead score yet.</summary>
    public async Task<LeadScoringSummary> ScoreWorkspaceAsync(bool onlyUnscored, CancellationToken cancellationToken)
    {
        var query = database.Contacts.Where(c => c.ArchivedAt == null);
        if (onlyUnscored)
        {
            query = query.Where(c => !database.LeadScores.Any(s => s.ContactId == c.Id && s.IsCurrent));
        }

        return await ScoreAsync(await query.OrderBy(c => c.Id).Select(c => c.Id).ToListAsync(cancellationToken), cancellationToken);
    }

    /// <summary>
    /// The contacts whose contact row, company row or last interaction changed after their current score (or that
    /// have none), once every one of those has been still for <paramref name="debounce"/>, and those scored without
    /// similarity (the embedding model failed) <see cref="LeadScoringOptions.SimilarityRetryMinutes"/> ago or more:
    /// at most <paramref name="batch"/> of them, oldest change first.
    /// </summary>
    public async Task<LeadScoringSummary> ScoreDueAsync(DateTime now, TimeSpan debounce, int batch, CancellationToken cancellationToken)
    {
        var settled = now - debounce;
        var retrySimilarity = now - TimeSpan.FromMinutes(options.Value.SimilarityRetryMinutes);
        // A contact who withdrew profiling is never due: a lead score is a profile of the person.
        var due = await database.Contacts
            .Where(c => c.ArchivedAt == null && !database.ContactSuppressions.Any(s => s.ContactId == c.Id && s.Purpose == ConsentPurposes.Profiling))
            .Select(c => new
            {
                c.Id,
                c.UpdatedAt,
                c.LastInteractionAt,
                CompanyUpdatedAt = database.Companies.Where(co => co.Id == c.CompanyId).Select(co => (DateTime?)co.UpdatedAt).FirstOrDefault(),
                ScoredAt = database.LeadScores.Where(s => s.ContactId == c.Id && s.IsCurrent).Select(s => (DateTime?)s.ScoredAt).FirstOrDefault(),
                SimilarityUnavailable = database.LeadScores.Any(s => s.ContactId == c.Id && s.IsCurrent && s.SimilarityUnavailable),
            })
            .Where(x => (x.ScoredAt == null || x.UpdatedAt > x.ScoredAt || x.CompanyUpdatedAt > x.ScoredAt || x.LastInteractionAt > x.ScoredAt)
                && x.UpdatedAt <= settled && (x.CompanyUpdatedAt == null || x.CompanyUpdatedAt <= settled) && (x.LastInteractionAt == null || x.LastInteractionAt <= settled)
                || (x.SimilarityUnavailable && x.ScoredAt <= retrySimilarity))
            .OrderBy(x => x.UpdatedAt).ThenBy(x => x.Id)
            .Select(x => x.Id).Take(batch).ToListAsync(cancellationToken);
        return due.Count == 0 ? new LeadScoringSummary(0, 0, 0, 0, 0, 0) : await ScoreAsync(due, cancellationToken);
    }

    /// <summary>Scores these contacts, except those who withdrew profiling (a lead score is a profile of the person).</summary>
    public async Task<LeadScoringSummary> ScoreAsync(IReadOnlyCollection<Guid> contactIds, CancellationToken cancellationToken)
    {
        var withdrawn = await profiling.WithdrawnAsync(contactIds, cancellationToken);
        contactIds = [.. contactIds.Where(id => !withdrawn.Contains(id))];
        var sets = await icp.CriteriaAsync(cancellationToken);
        var profile = new LeadProfile(sets.Select(c => c.ToCriteria()).ToList(),
            sets.Select((c, i) => new PromptCriteriaSet(c.Name ?? IcpStore.DefaultName(i + 1), c.ToCriteria())).ToList());
        var index = await icp.IndexAsync(cancellationToken);
        var total = new LeadScoringSummary(0, 0, 0, 0, 0, 0);
        foreach (var chunk in contactIds.Distinct().Chunk(Chunk))
        {
            var part = await ScoreChunkWithRetryAsync(chunk, profile, index, cancellationToken);
            total = new LeadScoringSummary(total.Scored + part.Scored, total.High + part.High, total.Medium + part.Medium, total.Low + part.Low,
                total.Routed + part.Routed, total.FallbackAnswers + part.FallbackAnswers);
        }

        return total;
    }

    /// <summary>
    /// Engagement scoring queues write-backs for the same contacts at the same time, and a contact has one pending
    /// outbox row: when the other side inserted it between our read and our insert, the chunk's transaction rolls
    /// back whole and is tried again, now merging into that row.
    /// </summary>
    private async Task<LeadScoringSummary> ScoreChunkWithRetryAsync(Guid[] contactIds, LeadProfile profile, IdealClientIndex index, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await ScoreChunkAsync(contactIds, profile, index, cancellationToken);
            }
            catch (DbUpdateException) when (attempt < MaxChunkAttempts)
            {
                database.ChangeTracker.Clear();
            }
        }
    }

    private async Task<LeadScoringSummary> ScoreChunkAsync(Guid[] contactIds, LeadProfile profile, IdealClientIndex index, CancellationToken cancellationToken)
    {
        var subjects = await loader.LoadAsync(contactIds, cancellationToken);
        var ids = subjects.Select(s => s.Contact.Id).ToList();
        var current = await database.LeadScores.Where(s => s.IsCurrent && ids.Contains(s.ContactId)).ToDictionaryAsync(s => s.ContactId, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var results = await answers.ScoreAsync(subjects, profile, index, now, cancellationToken);
        var scored = subjects.Select((subject, i) => (subject.Contact, results[i].Score, results[i].Calls, Previous: current.GetValueOrDefault(subject.Contact.Id))).ToList();

        // The old rows stop being current before the new ones are added (one current row per contact is a unique
        // index), in one transaction so a failure leaves the old scores in place.
        await using var transaction = await database.Database.BeginTransactionAsync(cancellationToken);
        foreach (var previous in current.Values)
        {
            previous.IsCurrent = false;
        }

        await database.SaveChangesAsync(cancellationToken);
        await writeBack.PreloadPendingAsync(WriteBackQueue.ContactObject, subjects.Select(s => s.Contact.HubSpotId).ToList(), cancellationToken);
        var changed = new List<(Contact Contact, LeadScore Score)>();
        foreach (var (contact, score, calls, previous) in scored)
        {
            database.LeadScores.Add(score);
            database.AiCalls.AddRange(calls);
            writeBack.EnqueueContactProperties(contact, HubSpotProperties(score));
            if (previous?.Priority != score.Priority)
            {
                changed.Add((contact, score));
            }
        }

        routing.Plan(changed);
        await database.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (subjects.Count > 0)
        {
            live.Publish(subjects[0].Contact.WorkspaceId, LiveKinds.Leads);
        }

        await routing.AfterSaveAsync(changed, cancellationToken);
        return new LeadScoringSummary(scored.Count, scored.Count(s => s.Score.Priority == LeadPriorities.High), scored.Count(s => s.Score.Priority == LeadPriorities.Medium),
            scored.Count(s => s.Score.Priority == LeadPriorities.Low), changed.Count, scored.Count(s => s.Score.UsedFallback));
    }

    /// <summary>The contact properties HubSpot gets for a score.</summary>
    public static Dictionary<string, string> HubSpotProperties(LeadScore score) => new()
    {
        ["ai_lead_score"] = score.Score.ToString(CultureInfo.InvariantCulture),
        ["ai_lead_fit"] = score.Fit,
        ["ai_next_best_action"] = score.NextAction,
        ["ai_last_scored"] = new DateTimeOffset(DateTime.SpecifyKind(score.ScoredAt, DateTimeKind.Utc)).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
    };

    public static LeadScoreDetails ReadDetails(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<LeadScoreDetails>(json, Json) ?? new LeadScoreDetails([], []);
        }
        catch (JsonException)
        {
            return new LeadScoreDetails([], []);
        }
    }
}

/// <summary>The profile's criteria sets, for the deterministic scorer and (named) for the model's prompt.</summary>
internal sealed record LeadProfile(List<IdealClientCriteria> Criteria, List<PromptCriteriaSet> Named);
