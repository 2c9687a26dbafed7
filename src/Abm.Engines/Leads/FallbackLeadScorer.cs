using System.Globalization;

namespace Abm.Engines.Leads;

/// <summary>
/// The deterministic lead scorer: a transparent weighted match of the ideal-client criteria plus the lead's
/// similarity to ideal-client examples. It answers when no language model is configured and whenever the model
/// fails, so it is written to be good on its own. Each criterion the profile sets earns its weight times how well
/// the lead matches it (0..1); criteria the profile leaves open drop out and the rest are rescaled to 100. Against
/// several criteria sets the lead is judged by the one it fits best.
/// </summary>
public static class FallbackLeadScorer
{
    /// <summary>The criteria's weights before rescaling; they add up to 1.</summary>
    public static IReadOnlyDictionary<string, double> Weights { get; } = new Dictionary<string, double>(StringComparer.Ordinal)
    {
        [Industry] = 0.25,
        [CompanySize] = 0.20,
        [Technology] = 0.15,
        [Revenue] = 0.10,
        [Location] = 0.10,
        [Budget] = 0.05,
        [Seniority] = 0.05,
        [Similarity] = 0.10,
    };

    public const string Industry = "industry";
    public const string CompanySize = "company size";
    public const string Technology = "technology stack";
    public const string Revenue = "revenue range";
    public const string Location = "geographic location";
    public const string Budget = "budget range";
    public const string Seniority = "seniority";
    public const string Similarity = "similarity to ideal clients";

    /// <summary>
    /// When no more than this share of the profile's weight is known about the lead (say its industry and nothing
    /// else), it cannot be judged a fit: its score is held in the Low band and the reasoning says what is missing.
    /// </summary>
    public const double MaximumUnjudgeableShare = 0.5;

    /// <summary>An engaged Medium lead (or one with an open deal) is worth a call rather than an email.</summary>
    public const double CallEngagement = 70;

    /// <summary>Scores a lead against the profile's criteria sets.</summary>
    /// <param name="lead">What is known of the lead.</param>
    /// <param name="profile">The ideal-client criteria sets; with none, only seniority and similarity count.</param>
    /// <param name="similarities">Cosine similarities of the lead to its closest ideal-client examples (up to 5 are used); empty when there are no examples.</param>
    public static LeadFitResult Score(LeadFacts lead, IReadOnlyList<IdealClientCriteria> profile, IReadOnlyList<double> similarities)
    {
        ArgumentNullException.ThrowIfNull(lead);
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(similarities);
        var candidates = profile.Count == 0 ? [ScoreAgainst(lead, null, similarities)] : profile.Select(c => ScoreAgainst(lead, c, similarities));
        return candidates.MaxBy(r => r.Score)!;
    }

    private static LeadFitResult ScoreAgainst(LeadFacts lead, IdealClientCriteria? criteria, IReadOnlyList<double> similarities)
    {
        var outcomes = new List<CriterionOutcome>(Weights.Count);
        if (criteria is not null)
        {
            AddIfSet(outcomes, criteria.Industries.Count > 0, Industry, () => MatchList(lead.Industry, criteria.Industries, "industry"));
            AddIfSet(outcomes, criteria.Employees.IsSet, CompanySize, () => MatchRange(lead.Employees, criteria.Employees, "employees"));
            AddIfSet(outcomes, criteria.Technologies.Count > 0, Technology, () => MatchTechnologies(lead.Technologies, criteria.Technologies));
            AddIfSet(outcomes, criteria.Revenue.IsSet, Revenue, () => MatchRange(lead.AnnualRevenue, criteria.Revenue, "annual revenue"));
            AddIfSet(outcomes, criteria.Countries.Count > 0, Location, () => MatchList(lead.Country, criteria.Countries, "country"));
            AddIfSet(outcomes, criteria.Budget.IsSet, Budget, () => MatchRange(lead.LargestDealAmount, criteria.Budget, "largest deal"));
        }

        AddIfSet(outcomes, true, Seniority, () => MatchSeniority(lead.JobTitle));
        AddIfSet(outcomes, similarities.Count > 0, Similarity, () => MatchSimilarity(similarities));

        // Rescale the weights of the criteria in play to add up to 1.
        var total = outcomes.Sum(o => o.Weight);
        outcomes = outcomes.Select(o => o with { Weight = o.Weight / total }).ToList();
        var points = outcomes.Sum(o => o.Points);
        var score = (int)Math.Clamp(Math.Round(points, MidpointRounding.AwayFromZero), 0, 100);

        var judged = outcomes.Where(o => o.Criterion != Similarity).ToList();
        var knownShare = judged.Sum(o => o.Status == CriterionStatus.Missing ? 0 : o.Weight) / Math.Max(judged.Sum(o => o.Weight), double.Epsilon);
        var tooLittleKnown = knownShare <= MaximumUnjudgeableShare;
        if (tooLittleKnown)
        {
            score = Math.Min(score, FitBands.Medium - 1);
        }

        var fit = FitBands.LevelOf(score);
        var action = ActionFor(fit, lead);
        return new LeadFitResult(score, fit, action, FallbackReasoning.Write(score, fit, action, outcomes, tooLittleKnown), outcomes);
    }

    /// <summary>High calls, Low is nurtured, Medium gets an email unless the lead is engaged or has a deal open.</summary>
    public static NextAction ActionFor(FitLevel fit, LeadFacts lead)
    {
        ArgumentNullException.ThrowIfNull(lead);
        return fit switch
        {
            FitLevel.High => NextAction.Call,
            FitLevel.Medium when lead.EngagementScore >= CallEngagement || lead.OpenDeals > 0 => NextAction.Call,
            FitLevel.Medium => NextAction.Email,
            _ => NextAction.Nurture,
        };
    }

    private static void AddIfSet(List<CriterionOutcome> outcomes, bool isSet, string criterion, Func<(double Match, CriterionStatus Status, string Detail)> match)
    {
        if (isSet)
        {
            var (value, status, detail) = match();
            outcomes.Add(new CriterionOutcome(criterion, Weights[criterion], value, status, detail));
        }
    }

    private static (double, CriterionStatus, string) MatchList(string? value, IReadOnlyList<string> wanted, string what)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return (0, CriterionStatus.Missing, $"{what} unknown");
        }

        var normalized = value.Trim().ToLowerInvariant();
        return wanted.Contains(normalized, StringComparer.Ordinal)
            ? (1, CriterionStatus.Met, $"{what} {normalized} is one of {string.Join(", ", wanted)}")
            : (0, CriterionStatus.Missed, $"{what} {normalized} is not one of {string.Join(", ", wanted)}");
    }

    private static (double, CriterionStatus, string) MatchRange(decimal? value, ValueRange range, string what)
    {
        if (value is not { } known)
        {
            return (0, CriterionStatus.Missing, $"{what} unknown");
        }

        var text = known.ToString("N0", CultureInfo.InvariantCulture);
        return range.Contains(known) ? (1, CriterionStatus.Met, $"{what} {text} within {range}")
            : range.IsNear(known) ? (0.5, CriterionStatus.Partial, $"{what} {text} close to {range}")
            : (0, CriterionStatus.Missed, $"{what} {text} outside {range}");
    }

    private static (double, CriterionStatus, string) MatchRange(int? value, ValueRange range, string what) => MatchRange((decimal?)value, range, what);

    private static (double, CriterionStatus, string) MatchTechnologies(IReadOnlyList<string> used, IReadOnlyList<string> wanted)
    {
        if (used.Count == 0)
        {
            return (0, CriterionStatus.Missing, "technology stack unknown");
        }

        var matched = wanted.Where(w => used.Contains(w, StringComparer.Ordinal)).ToList();
        // Three shared tools are a full match: an ideal profile lists more tools than any one client uses.
        var match = Math.Min(1, matched.Count / (double)Math.Min(3, wanted.Count));
        var status = match >= 1 ? CriterionStatus.Met : matched.Count > 0 ? CriterionStatus.Partial : CriterionStatus.Missed;
        var detail = matched.Count == 0 ? $"uses none of {string.Join(", ", wanted)}" : $"uses {string.Join(", ", matched)}";
        return (match, status, detail);
    }

    private static (double, CriterionStatus, string) MatchSeniority(string? jobTitle)
    {
        if (string.IsNullOrWhiteSpace(jobTitle))
        {
            return (0, CriterionStatus.Missing, "job title unknown");
        }

        return SeniorityOf(jobTitle) switch
        {
            LeadSeniority.Executive => (1, CriterionStatus.Met, $"'{jobTitle}' decides purchases"),
            LeadSeniority.Manager => (0.5, CriterionStatus.Partial, $"'{jobTitle}' influences purchases"),
            _ => (0, CriterionStatus.Missed, $"'{jobTitle}' is not a buying role"),
        };
    }

    private static (double, CriterionStatus, string) MatchSimilarity(IReadOnlyList<double> similarities)
    {
        var top = similarities.OrderDescending().Take(5).Select(s => Math.Clamp(s, 0, 1)).ToList();
        var mean = top.Average();
        var status = mean >= 0.8 ? CriterionStatus.Met : mean >= 0.5 ? CriterionStatus.Partial : CriterionStatus.Missed;
        return (mean, status, $"mean similarity {mean.ToString("0.00", CultureInfo.InvariantCulture)} to the {top.Count} closest ideal clients");
    }

    /// <summary>The seniority a job title suggests.</summary>
    public static LeadSeniority SeniorityOf(string? jobTitle)
    {
        if (string.IsNullOrWhiteSpace(jobTitle))
        {
            return LeadSeniority.Unknown;
        }

        var words = jobTitle.ToLowerInvariant().Split([' ', ',', '-', '/', '&', '.', '(', ')'], StringSplitOptions.RemoveEmptyEntries);
        if (words.Any(w => w is "ceo" or "cfo" or "cto" or "coo" or "cio" or "cmo" or "ciso" or "chief" or "president" or "founder" or "owner"
            or "partner" or "vp" or "svp" or "evp" or "vice" or "head" or "director"))
        {
            return LeadSeniority.Executive;
        }

        return words.Any(w => w is "manager" or "lead" or "principal" or "senior" or "supervisor") ? LeadSeniority.Manager : LeadSeniority.Staff;
    }
}

/// <summary>How senior a job title reads.</summary>
public enum LeadSeniority
{
    /// <summary>No title.</summary>
    Unknown,

    /// <summary>An individual contributor.</summary>
    Staff,

    /// <summary>Managers and leads: they influence purchases.</summary>
    Manager,

    /// <summary>Directors, heads, vice presidents, the C-suite and founders: they decide purchases.</summary>
    Executive,
}
