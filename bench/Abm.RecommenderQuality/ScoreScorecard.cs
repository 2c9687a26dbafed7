using System.Globalization;
using Abm.Engines;
using Abm.Engines.Engagement;
using Abm.Engines.Engagement.Evaluation;
using Abm.Engines.Journey;

namespace Abm.RecommenderQuality;

/// <summary>
/// How well the server's engagement scores and stages match the market's hidden truth: the contact score against
/// hidden propensity and against who converts next, the account score against hidden interest (fit x momentum)
/// and against size, and stages against the hidden stage. The truth only judges; the server never saw it.
/// </summary>
public sealed record ScoreScorecard
{
    /// <summary>Buyers judged (seeded buyers the server knows).</summary>
    public required int Contacts { get; init; }

    /// <summary>AUC of the contact score against "hidden propensity in the top third".</summary>
    public required double? PropensityAuc { get; init; }

    /// <summary>Buyers with a form submission or a meeting booked in the outcome days.</summary>
    public required int Converted { get; init; }

    /// <summary>AUC of the contact score against converting in the outcome days.</summary>
    public required double? ConversionAuc { get; init; }

    /// <summary>AUC of the sandbox's own daily conversion chance (the oracle) against the same outcome.</summary>
    public required double? OracleConversionAuc { get; init; }

    /// <summary>(AUC - 0.5) / (oracle AUC - 0.5): the share of the achievable lift the contact score captures.</summary>
    public double? LiftShare => ConversionAuc is { } ours && OracleConversionAuc is { } oracle && oracle > 0.5 ? (ours - 0.5) / (oracle - 0.5) : null;

    /// <summary>Accounts judged.</summary>
    public required int Accounts { get; init; }

    /// <summary>AUC of the account score against "hidden fit x momentum in the top third".</summary>
    public required double? AccountInterestAuc { get; init; }

    /// <summary>Rank correlation of the account score with hidden fit x momentum.</summary>
    public required double? AccountInterestCorrelation { get; init; }

    /// <summary>Rank correlation of the account score with the account's number of contacts (size).</summary>
    public required double? AccountSizeCorrelation { get; init; }

    /// <summary>Share of buyers whose stage is their hidden stage.</summary>
    public required double StageExact { get; init; }

    /// <summary>Share of buyers whose stage is at most one step from their hidden stage.</summary>
    public required double StageWithinOne { get; init; }

    /// <summary>The same two shares for the most common hidden stage given to everyone: the constant guess to beat.</summary>
    public required (double Exact, double WithinOne) ConstantGuess { get; init; }

    /// <summary>Share of buyers in each engagement band.</summary>
    public required IReadOnlyList<(string Band, double Share)> BandShares { get; init; }

    internal static ScoreScorecard Judge(ScoreTruth truth, ServerScores server, IReadOnlySet<string> converted)
    {
        var buyers = truth.Buyers.Where(b => server.Contacts.ContainsKey(b.ContactId)).ToList();
        double[] scores = [.. buyers.Select(b => server.Contacts[b.ContactId].Score)];
        var accounts = truth.Accounts.Where(a => server.Accounts.ContainsKey(a.CompanyId)).ToList();
        double[] accountScores = [.. accounts.Select(a => server.Accounts[a.CompanyId].Score)];
        int[] hidden = [.. buyers.Select(b => StageIndex(b.Stage))];
        int[] ours = [.. buyers.Select(b => StageIndex(server.Contacts[b.ContactId].Stage))];
        var common = hidden.GroupBy(s => s).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key;
        return new ScoreScorecard
        {
            Contacts = buyers.Count,
            PropensityAuc = ScoreMetrics.AucOfTopThird(scores, [.. buyers.Select(b => b.Propensity)]),
            Converted = buyers.Count(b => converted.Contains(b.ContactId)),
            ConversionAuc = ScoreMetrics.Auc(scores, [.. buyers.Select(b => converted.Contains(b.ContactId))]),
            OracleConversionAuc = ScoreMetrics.Auc([.. buyers.Select(b => b.ConversionChance)], [.. buyers.Select(b => converted.Contains(b.ContactId))]),
            Accounts = accounts.Count,
            AccountInterestAuc = ScoreMetrics.AucOfTopThird(accountScores, [.. accounts.Select(a => a.Interest)]),
            AccountInterestCorrelation = ScoreMetrics.RankCorrelation(accountScores, [.. accounts.Select(a => a.Interest)]),
            AccountSizeCorrelation = ScoreMetrics.RankCorrelation(accountScores, [.. accounts.Select(a => (double)server.Accounts[a.CompanyId].ContactCount)]),
            StageExact = Share(hidden, ours, 0),
            StageWithinOne = Share(hidden, ours, 1),
            ConstantGuess = (Share(hidden, [.. hidden.Select(_ => common)], 0), Share(hidden, [.. hidden.Select(_ => common)], 1)),
            BandShares = [.. Enum.GetValues<EngagementBand>().Select(band => (band.ToString().ToLowerInvariant(), buyers.Count == 0 ? 0 : scores.Count(s => EngagementBands.Of(s) == band) / (double)buyers.Count))],
        };
    }

    public void Print(TextWriter output)
    {
        output.WriteLine(Line($"contact score ({Contacts} buyers): AUC vs hidden propensity (top third) {F(PropensityAuc)}; next-days conversions {Converted}: AUC {F(ConversionAuc)}, oracle AUC {F(OracleConversionAuc)}, share of achievable lift {F(LiftShare)}"));
        output.WriteLine(Line($"account score ({Accounts} accounts): AUC vs hidden fit x momentum (top third) {F(AccountInterestAuc)}; rank correlation with fit x momentum {F(AccountInterestCorrelation)}, with contact count {F(AccountSizeCorrelation)}"));
        output.WriteLine(Line($"stage: {StageExact:P1} exact, {StageWithinOne:P1} within one (the most common hidden stage for everyone: {ConstantGuess.Exact:P1}, {ConstantGuess.WithinOne:P1})"));
        output.WriteLine("bands: " + string.Join(", ", BandShares.Select(b => Line($"{b.Band} {b.Share:P1}"))));
    }

    private static string Line(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string F(double? value) => value?.ToString("F3", CultureInfo.InvariantCulture) ?? "n/a";

    private static int StageIndex(string stage) => WireNames.TryParseJourneyStage(stage, out var parsed) ? (int)parsed : (int)JourneyStage.ProblemAwareness;

    private static double Share(int[] hidden, int[] ours, int tolerance) =>
        hidden.Length == 0 ? 0 : hidden.Where((h, i) => Math.Abs(h - ours[i]) <= tolerance).Count() / (double)hidden.Length;
}
