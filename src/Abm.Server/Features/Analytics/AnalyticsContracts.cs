using Abm.Engines.Analytics;

namespace Abm.Server.Features.Analytics;

internal sealed record AnalyticsParameters(string? From, string? To, string? Period);

/// <summary>Open pipeline by stage now; closed deals, win rate and cycle length by the period they closed in.</summary>
internal sealed record DealAnalyticsResponse(
    DateOnly From, DateOnly To, string Period, IReadOnlyList<ObjectFreshness> Freshness,
    IReadOnlyList<StageValue> OpenPipeline, DealPeriod Total, IReadOnlyList<DealPeriod> Periods);

/// <summary>
/// New contacts per period (by HubSpot's create date) and the running total; the lifecycle stages of every live
/// contact now; the original sources of the contacts created in the range.
/// </summary>
internal sealed record ContactAnalyticsResponse(
    DateOnly From, DateOnly To, string Period, IReadOnlyList<ObjectFreshness> Freshness,
    long NewInRange, long TotalAtEnd, long WithoutCreateDate, IReadOnlyList<ContactGrowthPeriod> Periods,
    IReadOnlyList<DistributionEntry> LifecycleStages, IReadOnlyList<DistributionEntry> Sources);

/// <summary>Email sends (by nurture), opens and clicks (email events, whatever their source) by period.</summary>
internal sealed record CampaignAnalyticsResponse(
    DateOnly From, DateOnly To, string Period, IReadOnlyList<ObjectFreshness> Freshness, EmailPeriod Total, IReadOnlyList<EmailPeriod> Periods);
