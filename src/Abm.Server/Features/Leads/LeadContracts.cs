using Abm.Data.Entities;
using Abm.Engines.Leads;

namespace Abm.Server.Features.Leads;

/// <summary>An ideal-client example close to a lead, with its cosine similarity.</summary>
internal sealed record SimilarClient(Guid Id, string Name, string Source, double Similarity);

/// <summary>One criterion's part of a lead's score.</summary>
internal sealed record CriterionResponse(string Criterion, double Weight, double Match, string Status, double Points, string Detail)
{
    public static CriterionResponse From(CriterionOutcome o) =>
        new(o.Criterion, Math.Round(o.Weight, 4), Math.Round(o.Match, 4), o.Status.ToString().ToLowerInvariant(), Math.Round(o.Points, 2), o.Detail);
}

/// <summary>What a lead score row keeps beside its columns: the criteria outcomes and the similar ideal clients.</summary>
internal sealed record LeadScoreDetails(IReadOnlyList<CriterionResponse> Criteria, IReadOnlyList<SimilarClient> SimilarClients);

/// <summary>A lead in a queue.</summary>
internal sealed record LeadSummary(
    Guid ContactId, string HubSpotId, string? Email, string? FirstName, string? LastName, string? OwnerHubSpotId,
    int Score, string Fit, string NextAction, string Priority, string Provider, bool UsedFallback, DateTime ScoredAt);

internal sealed record LeadPage(IReadOnlyList<LeadSummary> Items, int Total, int Limit, int Offset);

/// <summary>
/// A lead's current score with its reasoning, the criteria, the similar clients and who answered: the provider asked
/// (<c>fallback</c> when no model is configured), its model, whether the deterministic scorer answered and why. Status
/// is <c>unscored</c> (and the score fields null) for a contact not scored yet. <c>SimilarityUnavailable</c>: the embedding
/// model failed, so the lead was scored on the profile's criteria alone (and will be scored again). The prompt and the
/// answer are in the admins' audit.
/// </summary>
internal sealed record LeadDetail(
    Guid ContactId, string HubSpotId, string? Email, string Status, int? Score, string? Fit, string? NextAction, string? Priority, string? Reasoning,
    IReadOnlyList<CriterionResponse> Criteria, IReadOnlyList<SimilarClient> SimilarClients, bool? SimilarityUnavailable, string? Provider, string? Model, bool? UsedFallback,
    string? FallbackReason, int? LatencyMs, int? InputTokens, int? OutputTokens, double? EstimatedCostUsd, DateTime? ScoredAt);

/// <summary>Bulk scoring: these contacts, or every contact of the workspace.</summary>
internal sealed record LeadScoreRequest(List<Guid>? ContactIds, bool? All) : System.ComponentModel.DataAnnotations.IValidatableObject
{
    public const int MaxContacts = 10_000;

    public IEnumerable<System.ComponentModel.DataAnnotations.ValidationResult> Validate(System.ComponentModel.DataAnnotations.ValidationContext validationContext)
    {
        if (All != true && (ContactIds is null || ContactIds.Count == 0))
        {
            yield return new("Name the contacts to score in contactIds, or set all to true.", [nameof(ContactIds)]);
        }

        if (ContactIds?.Count > MaxContacts)
        {
            yield return new($"contactIds takes at most {MaxContacts} ids; set all to true for the whole workspace.", [nameof(ContactIds)]);
        }
    }
}

/// <summary>What a scoring run did.</summary>
internal sealed record LeadScoringSummary(int Scored, int High, int Medium, int Low, int Routed, int FallbackAnswers);

/// <summary>
/// The AI providers' state for this workspace: the model configured (<c>fallback</c>: none), whether it answered the
/// last request (null: never asked), today's scorings and today's requests to the model with their latency, tokens and cost.
/// </summary>
internal sealed record AiStatus(
    string Provider, bool Configured, string? Model, bool? Reachable, string? LastOutcome, DateTime? LastCallAt, string EmbeddingModel, int EmbeddingDimensions,
    int ScoredToday, int FallbackToday, double? AverageLatencyMsToday, int CallsToday, int FailedCallsToday, double? AverageCallLatencyMsToday,
    int InputTokensToday, int OutputTokensToday, double CostTodayUsd);

/// <summary>One request to the model while scoring, as the audit shows it.</summary>
internal sealed record AiCallResponse(int Attempt, string Outcome, int? HttpStatus, int LatencyMs, int InputTokens, int OutputTokens, double EstimatedCostUsd, DateTime CalledAt);

/// <summary>One scoring of a lead with what the model was asked and answered (admins only).</summary>
internal sealed record LeadAuditEntry(
    Guid Id, DateTime ScoredAt, bool IsCurrent, int Score, string Fit, string NextAction, string Method, string Provider, string? Model, bool UsedFallback,
    string? FallbackReason, int LatencyMs, int InputTokens, int OutputTokens, double EstimatedCostUsd, string? Prompt, string? Response,
    IReadOnlyList<AiCallResponse> Calls);

/// <summary>A lead's latest scorings, newest first.</summary>
internal sealed record LeadAudit(Guid ContactId, IReadOnlyList<LeadAuditEntry> Scorings);

internal static class LeadPriorities
{
    public const string High = "high";
    public const string Medium = "medium";
    public const string Low = "low";

    public static readonly IReadOnlyList<string> All = [High, Medium, Low];

    public static string Of(FitLevel fit) => fit switch { FitLevel.High => High, FitLevel.Medium => Medium, _ => Low };

    public static LeadSummary Summary(LeadScore score, Contact contact) => new(
        contact.Id, contact.HubSpotId, contact.Email, contact.FirstName, contact.LastName, contact.OwnerHubSpotId,
        score.Score, score.Fit, score.NextAction, score.Priority, score.Provider, score.UsedFallback, score.ScoredAt);
}
