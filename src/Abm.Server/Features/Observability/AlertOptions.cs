using System.ComponentModel.DataAnnotations;

namespace Abm.Server.Features.Observability;

/// <summary>Alert thresholds and where alerts are posted (configuration section <c>Alerts</c>).</summary>
internal sealed class AlertOptions
{
    public const string Section = "Alerts";

    /// <summary>A Slack-compatible incoming-webhook URL that receives raised and resolved alerts; none when empty. Never logged.</summary>
    [Url]
    public string? WebhookUrl { get; set; }

    /// <summary>How often the rules are evaluated and the backlogs measured.</summary>
    [Range(1, 3600)]
    public int EvaluateSeconds { get; set; } = 15;

    /// <summary>The sliding window the rates are measured over.</summary>
    [Range(1, 1440)]
    public int WindowMinutes { get; set; } = 5;

    /// <summary>Share of HubSpot calls that failed (5xx, 429, no answer) above which the HubSpot alert is raised.</summary>
    [Range(0.0, 1.0)]
    public double HubSpotFailureRate { get; set; } = 0.05;

    /// <summary>Fewer calls than this in the window say nothing about a rate.</summary>
    [Range(1, 1_000_000)]
    public int MinimumCalls { get; set; } = 20;

    /// <summary>An API answer slower than this counts as slow.</summary>
    [Range(0.01, 300.0)]
    public double SlowResponseSeconds { get; set; } = 5;

    /// <summary>Share of slow answers above which the response-time alert is raised.</summary>
    [Range(0.0, 1.0)]
    public double SlowResponseRate { get; set; } = 0.05;

    /// <summary>Share of recommendation requests the cache missed above which the cache alert is raised.</summary>
    [Range(0.0, 1.0)]
    public double RecommendationMissRate { get; set; } = 0.5;

    /// <summary>Failed database connections allowed in the window before the database alert is raised (0: any failure raises it).</summary>
    [Range(0, 1_000_000)]
    public int DatabaseFailuresAllowed { get; set; }

    /// <summary>Failed recomputes allowed in the window before the scoring alert is raised (0: any failure raises it).</summary>
    [Range(0, 1_000_000)]
    public int ScoringFailuresAllowed { get; set; }

    /// <summary>Failed or parked nurture actions allowed in the window before the nurture alert is raised (0: any failure raises it).</summary>
    [Range(0, 1_000_000)]
    public int NurtureFailuresAllowed { get; set; }

    /// <summary>Age of the oldest waiting webhook batch above which the inbox alert is raised.</summary>
    [Range(1, 86_400)]
    public int InboxBacklogSeconds { get; set; } = 300;
}
