using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Abm.Data;
using Abm.Data.Entities;
using Abm.Engines.Leads;
using Abm.Server.Features.Engagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Abm.Server.Features.Leads;

/// <summary>
/// Scores leads: builds each lead's facts and document, embeds it, finds the 5 closest ideal-client examples,
/// asks the configured language model (or, with none or when it fails, the deterministic scorer) and keeps the result as the contact's current lead score,
/// queues <c>ai_lead_score</c>, <c>ai_lead_fit</c>, <c>ai_next_best_action</c> and <c>ai_last_scored</c> for
/// HubSpot through the outbox, and routes the lead when its priority changed. Works on the workspace the
/// context is scoped to, a chunk of contacts at a time.
/// </summary>
internal sealed class LeadScoring(
    AbmDbContext database, LeadFactsLoader loader, IcpStore icp, LeadEmbedder embedder, LeadReasoner reasoner, IOptions<LeadLlmOptions> llm,
    WriteBackQueue writeBack, LeadRouting routing, TimeProvider clock)
{
    public const int SimilarCount = 5;
    private const int Chunk = 500;
    private const int MaxChunkAttempts = 3;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

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
    /// have none), once every one of those has been still for <paramref name="debounce"/>: at most
    /// <paramref name="batch"/> of them, oldest change first.
    /// </summary>
    public async Task<LeadScoringSummary> ScoreDueAsync(DateTime now, TimeSpan debounce, int batch, CancellationToken cancellationToken)
    {
        var settled = now - debounce;
        var due = await database.Contacts.Where(c => c.ArchivedAt == null)
            .Select(c => new
            {
                c.Id,
                c.UpdatedAt,
                c.LastInteractionAt,
                CompanyUpdatedAt = database.Companies.Where(co => co.Id == c.CompanyId).Select(co => (DateTime?)co.UpdatedAt).FirstOrDefault(),
                ScoredAt = database.LeadScores.Where(s => s.ContactId == c.Id && s.IsCurrent).Select(s => (DateTime?)s.ScoredAt).FirstOrDefault(),
            })
            .Where(x => x.ScoredAt == null || x.UpdatedAt > x.ScoredAt || x.CompanyUpdatedAt > x.ScoredAt || x.LastInteractionAt > x.ScoredAt)
            .Where(x => x.UpdatedAt <= settled && (x.CompanyUpdatedAt == null || x.CompanyUpdatedAt <= settled) && (x.LastInteractionAt == null || x.LastInteractionAt <= settled))
            .OrderBy(x => x.UpdatedAt).ThenBy(x => x.Id)
            .Select(x => x.Id).Take(batch).ToListAsync(cancellationToken);
        return due.Count == 0 ? new LeadScoringSummary(0, 0, 0, 0, 0, 0) : await ScoreAsync(due, cancellationToken);
    }

    public async Task<LeadScoringSummary> ScoreAsync(IReadOnlyCollection<Guid> contactIds, CancellationToken cancellationToken)
    {
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
        var results = await ScoreSubjectsAsync(subjects, profile, index, now, cancellationToken);
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
        await routing.AfterSaveAsync(changed, cancellationToken);
        return new LeadScoringSummary(scored.Count, scored.Count(s => s.Score.Priority == LeadPriorities.High), scored.Count(s => s.Score.Priority == LeadPriorities.Medium),
            scored.Count(s => s.Score.Priority == LeadPriorities.Low), changed.Count, scored.Count(s => s.Score.UsedFallback));
    }

    /// <summary>Without a model, one lead after another (the fallback is quick); with one, a few leads at a time.</summary>
    private async Task<(LeadScore Score, List<AiCall> Calls)[]> ScoreSubjectsAsync(
        List<LeadSubject> subjects, LeadProfile profile, IdealClientIndex index, DateTime now, CancellationToken cancellationToken)
    {
        var results = new (LeadScore Score, List<AiCall> Calls)[subjects.Count];
        if (!reasoner.IsConfigured)
        {
            for (var i = 0; i < subjects.Count; i++)
            {
                results[i] = (Score(subjects[i], profile, index, now, reasoning: null, started: Stopwatch.GetTimestamp()), []);
            }

            return results;
        }

        await Parallel.ForEachAsync(Enumerable.Range(0, subjects.Count),
            new ParallelOptions { MaxDegreeOfParallelism = llm.Value.MaxConcurrentCalls, CancellationToken = cancellationToken },
            async (i, token) => results[i] = await ReasonAsync(subjects[i], profile, index, now, token));
        return results;
    }

    private async Task<(LeadScore Score, List<AiCall> Calls)> ReasonAsync(LeadSubject subject, LeadProfile profile, IdealClientIndex index, DateTime now, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var document = LeadDocument.Of(subject.Facts);
        var similar = index.Closest(embedder.Embed(document), SimilarCount);
        var prompt = LeadPrompt.User(subject.Facts, document, similar.Select(s => new PromptExample(s.Name, s.Source, s.Similarity)).ToList(), profile.Named);
        var reasoning = await reasoner.ReasonAsync(prompt, cancellationToken);
        var score = Score(subject, profile, index, now, reasoning, started, document, similar);
        var calls = reasoning.Calls.Select(c => new AiCall
        {
            Id = Guid.CreateVersion7(), WorkspaceId = score.WorkspaceId, LeadScoreId = score.Id, Provider = reasoning.Provider, Model = reasoning.Model,
            Attempt = c.Attempt, Outcome = c.Outcome, HttpStatus = c.HttpStatus, LatencyMs = c.LatencyMs, InputTokens = c.InputTokens,
            OutputTokens = c.OutputTokens, EstimatedCostUsd = c.CostUsd, CalledAt = c.CalledAt,
        }).ToList();
        return (score, calls);
    }

    /// <summary>
    /// The lead's score row: the model's answer when it kept the contract, else the deterministic scorer's (marked as
    /// the fallback, with why). The criteria outcomes are the deterministic scorer's either way: they explain the profile match.
    /// </summary>
    private LeadScore Score(LeadSubject subject, LeadProfile profile, IdealClientIndex index, DateTime now, LeadReasoning? reasoning, long started,
        string? document = null, List<SimilarClient>? similar = null)
    {
        similar ??= index.Closest(embedder.Embed(document ?? LeadDocument.Of(subject.Facts)), SimilarCount);
        var fallback = FallbackLeadScorer.Score(subject.Facts, profile.Criteria, similar.Select(s => s.Similarity).ToList());
        var details = new LeadScoreDetails(fallback.Criteria.Select(CriterionResponse.From).ToList(), similar);
        var answer = reasoning?.Answer;
        var calls = reasoning?.Calls ?? [];
        var (score, fit, action, text) = answer is null
            ? (fallback.Score, fallback.Fit, fallback.Action, fallback.Reasoning)
            : (answer.Score, answer.Fit, answer.Action, answer.Reasoning);
        return new LeadScore
        {
            Id = Guid.CreateVersion7(),
            WorkspaceId = subject.Contact.WorkspaceId,
            ContactId = subject.Contact.Id,
            Score = score,
            Fit = fit.ToString(),
            NextAction = action.ToString(),
            Priority = LeadPriorities.Of(fit),
            Reasoning = text,
            Method = answer is null ? "deterministic" : "llm",
            Provider = reasoning?.Provider ?? "fallback",
            Model = reasoning?.Model,
            UsedFallback = answer is null,
            FallbackReason = reasoning?.FailureReason is { } reason ? reason[..Math.Min(reason.Length, 500)] : null,
            ScoredAt = now,
            IsCurrent = true,
            LatencyMs = (int)Stopwatch.GetElapsedTime(started).TotalMilliseconds,
            InputTokens = calls.Sum(c => c.InputTokens),
            OutputTokens = calls.Sum(c => c.OutputTokens),
            EstimatedCostUsd = Math.Round(calls.Sum(c => c.CostUsd), 6),
            Details = JsonSerializer.Serialize(details, Json),
            Prompt = reasoning?.Prompt,
            Response = reasoning?.Response,
        };
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
