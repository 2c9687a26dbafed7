using System.Diagnostics;
using System.Text.Json;
using Abm.Data.Entities;
using Abm.Engines.Leads;
using Microsoft.Extensions.Options;

namespace Abm.Server.Features.Leads;

/// <summary>
/// Makes each lead's score row, before anything is saved: its document, embedding and closest ideal clients, then the
/// language model's answer when one is configured and it keeps the contract, else the deterministic scorer's; with
/// the model's requests as <c>ai_calls</c> rows.
/// </summary>
internal sealed class LeadAnswers(LeadEmbedder embedder, LeadReasoner reasoner, IOptions<LeadLlmOptions> llm)
{
    /// <summary>
    /// The leads' documents are embedded together first (in batches: one model call per batch, not per lead); then
    /// without a model one lead after another (the fallback is quick), with one a few leads at a time. A lead the
    /// embedding model failed on (or every lead, when the examples could not be embedded) has no similarity to the
    /// ideal clients: it is scored at once by the deterministic scorer on the profile's criteria alone, marked so, and
    /// scored again by a later round; the language model is not asked about a lead it would see half of.
    /// </summary>
    public async Task<(LeadScore Score, List<AiCall> Calls)[]> ScoreAsync(
        List<LeadSubject> subjects, LeadProfile profile, IdealClientIndex index, DateTime now, CancellationToken cancellationToken)
    {
        var embedding = Stopwatch.GetTimestamp();
        var documents = subjects.Select(s => LeadDocument.Of(s.Facts)).ToList();
        var embedded = index.Unavailable is null ? await embedder.TryEmbedAsync(documents, cancellationToken) : new EmbeddedDocuments(new float[]?[documents.Count], index.Unavailable);
        var similar = embedded.Vectors.Select(v => v is null ? null : index.Closest(v, LeadScoring.SimilarCount)).ToList();
        // Each lead's latency includes its share of the batch's embedding time.
        var embeddingShare = subjects.Count == 0 ? TimeSpan.Zero : Stopwatch.GetElapsedTime(embedding) / subjects.Count;
        var results = new (LeadScore Score, List<AiCall> Calls)[subjects.Count];
        var reasoned = new List<int>();
        for (var i = 0; i < subjects.Count; i++)
        {
            if (similar[i] is null)
            {
                results[i] = (WithoutSimilarity(subjects[i], profile, now, embedded.Failure!, embeddingShare), []);
            }
            else if (!reasoner.IsConfigured)
            {
                results[i] = (Score(subjects[i], profile, similar[i]!, now, reasoning: null, Stopwatch.GetTimestamp(), embeddingShare), []);
            }
            else
            {
                reasoned.Add(i);
            }
        }

        await Parallel.ForEachAsync(reasoned,
            new ParallelOptions { MaxDegreeOfParallelism = llm.Value.MaxConcurrentCalls, CancellationToken = cancellationToken },
            async (i, token) => results[i] = await ReasonAsync(subjects[i], documents[i], similar[i]!, profile, now, embeddingShare, token));
        return results;
    }

    /// <summary>The deterministic scorer's answer on the criteria alone, saying that similarity was unavailable and why.</summary>
    private static LeadScore WithoutSimilarity(LeadSubject subject, LeadProfile profile, DateTime now, string failure, TimeSpan embeddingShare)
    {
        var score = Score(subject, profile, [], now, reasoning: null, Stopwatch.GetTimestamp(), embeddingShare);
        score.SimilarityUnavailable = true;
        score.FallbackReason = Clip($"similarity to ideal clients unavailable: {failure}");
        score.Reasoning += " Similarity to ideal clients was not available (the embedding model failed), so this score rests on the profile's criteria alone; the lead will be scored again.";
        return score;
    }

    private static string Clip(string text) => text[..Math.Min(text.Length, 500)];

    private async Task<(LeadScore Score, List<AiCall> Calls)> ReasonAsync(
        LeadSubject subject, string document, List<SimilarClient> similar, LeadProfile profile, DateTime now, TimeSpan embeddingShare, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var prompt = LeadPrompt.User(subject.Facts, document, similar.Select(s => new PromptExample(s.Name, s.Source, s.Similarity)).ToList(), profile.Named);
        var reasoning = await reasoner.ReasonAsync(prompt, cancellationToken);
        var score = Score(subject, profile, similar, now, reasoning, started, embeddingShare);
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
    private static LeadScore Score(LeadSubject subject, LeadProfile profile, List<SimilarClient> similar, DateTime now, LeadReasoning? reasoning, long started, TimeSpan embeddingShare)
    {
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
            FallbackReason = reasoning?.FailureReason is { } reason ? Clip(reason) : null,
            ScoredAt = now,
            IsCurrent = true,
            LatencyMs = (int)(Stopwatch.GetElapsedTime(started) + embeddingShare).TotalMilliseconds,
            InputTokens = calls.Sum(c => c.InputTokens),
            OutputTokens = calls.Sum(c => c.OutputTokens),
            EstimatedCostUsd = Math.Round(calls.Sum(c => c.CostUsd), 6),
            Details = JsonSerializer.Serialize(details, LeadScoring.Json),
            Prompt = reasoning?.Prompt,
            Response = reasoning?.Response,
        };
    }
}
