using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace Abm.RecommenderQuality;

/// <summary>
/// What an admin does once the server has history: fit the recommender's weights on it through the public API
/// (<c>POST /api/recommendations/weight-fits</c>) and approve the fit when the server proposes it.
/// </summary>
public sealed record WeightFitStep(string Status, bool Approved, JsonElement? Fit, string? Refusal)
{
    /// <summary>
    /// Fits with periods of a third of the history each, so contacts at the first cut-off have a third of it read.
    /// </summary>
    public static async Task<WeightFitStep> RunAsync(HttpClient api, int historyDays, CancellationToken cancellationToken)
    {
        var periodDays = Math.Max(1, historyDays / 3);
        using var response = await api.PostAsJsonAsync("/api/recommendations/weight-fits", new { periodDays }, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            return new WeightFitStep("refused", false, null, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }

        var fit = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        var status = fit.GetProperty("status").GetString()!;
        if (status != "proposed")
        {
            return new WeightFitStep(status, false, fit, null);
        }

        using var approved = await api.PostAsync($"/api/recommendations/weight-fits/{fit.GetProperty("id").GetGuid()}/approve", null, cancellationToken);
        await WorldPreparation.ReadSuccessAsync(approved, "weight fit approval", cancellationToken);
        return new WeightFitStep(status, true, fit, null);
    }

    public void Print(TextWriter output)
    {
        if (Fit is not { } fit)
        {
            output.WriteLine($"weight fit: {Refusal}");
            return;
        }

        var w = fit.GetProperty("fittedWeights");
        var e = fit.GetProperty("evaluation");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"weight fit ({Status}{(Approved ? ", approved" : "")}): industry {W(w, "industry")}, persona {W(w, "persona")}, stage {W(w, "stage")}, "
            + $"history {W(w, "engagementHistory")}, freshness {W(w, "freshness")}, performance {W(w, "performance")}; "
            + $"NDCG@5 on the fit period {N(e, "currentOnFit")} -> {N(e, "fittedOnFit")}, on the held-out period {N(e, "currentOnHeldOut")} -> {N(e, "fittedOnHeldOut")} "
            + $"({e.GetProperty("fittedOnHeldOut").GetProperty("contacts").GetInt32()} contacts, {e.GetProperty("periodDays").GetInt32()}-day periods, {e.GetProperty("weightingsTried").GetInt32()} weightings tried)"));
    }

    private static string W(JsonElement weights, string name) => weights.GetProperty(name).GetDouble().ToString("F2", CultureInfo.InvariantCulture);

    private static string N(JsonElement evaluation, string name) =>
        evaluation.GetProperty(name).GetProperty("ndcg").GetDouble().ToString("F4", CultureInfo.InvariantCulture);
}
