using System.Net.Http.Json;
using System.Text.Json;

namespace Abm.RecommenderQuality;

/// <summary>
/// The hidden account and buyer figures that judge the server's scores and stages, read from the sandbox's truth
/// export at the moment of evaluation. Only the harness reads them, and only to judge.
/// </summary>
internal sealed record ScoreTruth(DateTimeOffset At, IReadOnlyList<ScoreTruth.Account> Accounts, IReadOnlyList<ScoreTruth.Buyer> Buyers)
{
    public static async Task<ScoreTruth> ReadAsync(QualityWorld world, CancellationToken cancellationToken)
    {
        var truth = await world.Admin.GetFromJsonAsync<JsonElement>($"/_sandbox/portals/{world.PortalId}/market/truth", cancellationToken);
        var accounts = truth.GetProperty("accounts").EnumerateArray()
            .Select(a => new Account(a.GetProperty("companyId").GetString()!, a.GetProperty("fit").GetDouble(), a.GetProperty("momentum").GetDouble()))
            .ToList();
        var buyers = truth.GetProperty("contacts").EnumerateArray()
            .Select(c => new Buyer(
                c.GetProperty("contactId").GetString()!, c.GetProperty("companyId").GetString()!, c.GetProperty("wantedStage").GetString()!,
                c.GetProperty("propensity").GetDouble(), c.GetProperty("conversionChance").GetDouble()))
            .ToList();
        return new ScoreTruth(truth.GetProperty("at").GetDateTimeOffset(), accounts, buyers);
    }

    /// <summary>An account's hidden fit and momentum (0..1 each); the interest the account score should follow is their product.</summary>
    internal sealed record Account(string CompanyId, double Fit, double Momentum)
    {
        public double Interest => Fit * Momentum;
    }

    /// <summary>A buyer's hidden stage (its account's), propensity now, and daily chance of a form or a meeting.</summary>
    internal sealed record Buyer(string ContactId, string CompanyId, string Stage, double Propensity, double ConversionChance);
}
