using System.Text.Json;
using System.Text.Json.Nodes;

namespace Abm.Engines.Leads;

/// <summary>An ideal-client example close to the lead, as the model reads it.</summary>
/// <param name="Name">The example's name (a criteria set's name, or a closed-won company).</param>
/// <param name="Source"><c>profile</c> or <c>closed_won</c>.</param>
/// <param name="Similarity">Cosine similarity of the lead to the example.</param>
public sealed record PromptExample(string Name, string Source, double Similarity);

/// <summary>A named criteria set of the profile, as the model reads it.</summary>
/// <param name="Name">The set's name.</param>
/// <param name="Criteria">Its criteria.</param>
public sealed record PromptCriteriaSet(string Name, IdealClientCriteria Criteria);

/// <summary>
/// What a language model is asked about a lead: a system message with the answer's contract and the score bands,
/// and a user message that is one JSON object (the lead's facts, its document, the closest ideal clients with
/// their similarity, the profile). JSON because models read it reliably and nothing in it needs escaping rules of
/// our own. The model sees only what is written here.
/// </summary>
public static class LeadPrompt
{
    /// <summary>The contract and the rules, the same for every lead.</summary>
    public static readonly string System =
        "You score B2B sales leads against a company's ideal-client profile. Judge the lead's company against the profile's criteria sets " +
        "(a lead is judged by the set it fits best), weigh its similarity to known ideal clients, and the contact's seniority and history. " +
        "Answer with one JSON object and nothing else, exactly these four fields: " +
        "{\"score\": integer 0-100, \"fit_level\": \"High\" | \"Medium\" | \"Low\", \"next_action\": \"Call\" | \"Email\" | \"Nurture\", \"reasoning\": string}. " +
        $"fit_level follows the score: High for {FitBands.High}-100, Medium for {FitBands.Medium}-{FitBands.High - 1}, Low below {FitBands.Medium}. " +
        "The reasoning is for a sales rep: two to four sentences naming the criteria met and missed, and what is unknown. " +
        "A lead with almost no data is Low and the reasoning says what is missing.";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>The user message for one lead.</summary>
    public static string User(LeadFacts lead, string document, IReadOnlyList<PromptExample> similar, IReadOnlyList<PromptCriteriaSet> profile)
    {
        ArgumentNullException.ThrowIfNull(lead);
        ArgumentNullException.ThrowIfNull(similar);
        ArgumentNullException.ThrowIfNull(profile);
        var message = new JsonObject
        {
            ["lead"] = new JsonObject
            {
                ["job_title"] = lead.JobTitle,
                ["seniority"] = FallbackLeadScorer.SeniorityOf(lead.JobTitle).ToString().ToLowerInvariant(),
                ["persona"] = lead.Persona,
                ["industry"] = lead.Industry,
                ["employees"] = lead.Employees,
                ["annual_revenue"] = lead.AnnualRevenue,
                ["country"] = lead.Country,
                ["technologies"] = new JsonArray([.. lead.Technologies.Select(t => JsonValue.Create(t))]),
                ["largest_deal_amount"] = lead.LargestDealAmount,
                ["engagement_score"] = Math.Round(lead.EngagementScore, 1),
                ["open_deals"] = lead.OpenDeals,
                ["won_deals"] = lead.WonDeals,
            },
            ["lead_document"] = document,
            ["similar_ideal_clients"] = new JsonArray([.. similar.Select(s => new JsonObject
            {
                ["name"] = s.Name,
                ["source"] = s.Source,
                ["similarity"] = Math.Round(s.Similarity, 4),
            })]),
            ["ideal_client_profile"] = new JsonArray([.. profile.Select(Set)]),
        };
        return "Score this lead. Unknown values are null.\n" + message.ToJsonString(Indented);
    }

    /// <summary>The follow-up after an answer that broke the contract: what was wrong, and the contract again.</summary>
    public static string Correction(string error) =>
        $"Your answer was refused: {error} Answer again with only the JSON object {{\"score\", \"fit_level\", \"next_action\", \"reasoning\"}}, " +
        $"with fit_level High for {FitBands.High}-100, Medium for {FitBands.Medium}-{FitBands.High - 1}, Low below {FitBands.Medium}.";

    private static JsonObject Set(PromptCriteriaSet set) => new()
    {
        ["name"] = set.Name,
        ["industries"] = Values(set.Criteria.Industries),
        ["employees"] = Range(set.Criteria.Employees),
        ["annual_revenue"] = Range(set.Criteria.Revenue),
        ["countries"] = Values(set.Criteria.Countries),
        ["technologies"] = Values(set.Criteria.Technologies),
        ["budget"] = Range(set.Criteria.Budget),
    };

    private static JsonArray Values(IReadOnlyList<string> values) => new([.. values.Select(v => JsonValue.Create(v))]);

    private static JsonObject? Range(ValueRange range) => range.IsSet ? new JsonObject { ["min"] = range.Min, ["max"] = range.Max } : null;
}
