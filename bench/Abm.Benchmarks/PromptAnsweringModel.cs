using System.Globalization;
using System.Text.Json;
using Abm.Engines.Leads;
using Abm.Testing;

namespace Abm.Benchmarks;

/// <summary>
/// A stand-in language model for the lead-fit bench that answers from the prompt alone: it reads the lead's facts, the
/// similar ideal clients' similarities and the profile back out of the user message and applies the deterministic
/// scorer's rules to them. It sees nothing the prompt does not carry, so its figures measure the model path (prompt,
/// SDK, HTTP, answer contract, bookkeeping) and whether the prompt carries what a scorer needs, not a real model's
/// judgement. Tokens are estimated at four characters a token, as providers count English and JSON roughly.
/// </summary>
internal static class PromptAnsweringModel
{
    public static FakeLlmProvider.Reply Answer(FakeLlmProvider.Request request)
    {
        var prompt = request.LastUserText;
        var json = JsonDocument.Parse(prompt[prompt.IndexOf('{', StringComparison.Ordinal)..]).RootElement;
        var lead = json.GetProperty("lead");
        var facts = new LeadFacts(
            Text(lead, "job_title"), Text(lead, "persona"), Text(lead, "industry"), Number(lead, "employees") is { } e ? (int)e : null,
            Number(lead, "annual_revenue"), Text(lead, "country"), [.. lead.GetProperty("technologies").EnumerateArray().Select(t => t.GetString()!)],
            Number(lead, "largest_deal_amount"), (double)(Number(lead, "engagement_score") ?? 0), (int)(Number(lead, "open_deals") ?? 0), (int)(Number(lead, "won_deals") ?? 0));
        var profile = json.GetProperty("ideal_client_profile").EnumerateArray().Select(set => new IdealClientCriteria(
            Values(set, "industries"), Range(set, "employees"), Range(set, "annual_revenue"), Values(set, "countries"), Values(set, "technologies"), Range(set, "budget"))).ToList();
        var similarities = json.GetProperty("similar_ideal_clients").EnumerateArray().Select(s => s.GetProperty("similarity").GetDouble()).ToList();
        var result = FallbackLeadScorer.Score(facts, profile, similarities);
        var answer = new LeadAnswer(result.Score, result.Fit, result.Action, result.Reasoning).ToJson();
        var input = ((request.System?.Length ?? 0) + request.Messages.Sum(m => m.Text.Length)) / 4;
        return FakeLlmProvider.Reply.Answer(answer, inputTokens: input, outputTokens: answer.Length / 4);
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static decimal? Number(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDecimal() : null;

    private static List<string> Values(JsonElement set, string name) => [.. set.GetProperty(name).EnumerateArray().Select(v => v.GetString()!)];

    private static ValueRange Range(JsonElement set, string name) =>
        set.GetProperty(name) is { ValueKind: JsonValueKind.Object } range ? new ValueRange(Number(range, "min"), Number(range, "max")) : ValueRange.Any;

    /// <summary>Formats a cost in US dollars.</summary>
    public static string Usd(double value) => value.ToString("0.0000", CultureInfo.InvariantCulture);
}
