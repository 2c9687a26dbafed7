using System.Globalization;

namespace Abm.Server.Features.Observability;

/// <summary>The alert rules: each reads the window's figures and the backlog, and says what is wrong or nothing.</summary>
internal static class AlertRules
{
    public sealed record Finding(string Id, string Severity, string Summary, string WhatToCheck);

    public static IEnumerable<Finding> Evaluate(AlertTotals window, BacklogSample backlog, AlertOptions options)
    {
        var minutes = $"the last {options.WindowMinutes} minutes";
        if (window.HubSpotCalls >= options.MinimumCalls && window.HubSpotFailures / window.HubSpotCalls > options.HubSpotFailureRate)
        {
            yield return new("hubspot_failure_rate", "critical",
                $"HubSpot API failures: {Count(window.HubSpotFailures)} of {Count(window.HubSpotCalls)} calls ({Percent(window.HubSpotFailures / window.HubSpotCalls)}) in {minutes} failed (5xx, 429 or no answer); the threshold is {Percent(options.HubSpotFailureRate)}.",
                "HubSpot's status page; the portal's rate-limit use (abm_hubspot_rate_limited_total, GET /api/sync/stats); the connection's token (GET /api/connections); the network path to HubSpot.");
        }

        if (window.DatabaseFailures > options.DatabaseFailuresAllowed)
        {
            yield return new("database_connection_failures", "critical",
                $"Database connections failed {Count(window.DatabaseFailures)} time(s) in {minutes}.",
                "That the database server is up and reachable with DATABASE_URL, its connection limit (max_connections) and disk space; GET /health/ready.");
        }

        if (window.ScoringFailures > options.ScoringFailuresAllowed)
        {
            yield return new("scoring_failures", "warning",
                $"Scoring failed {Count(window.ScoringFailures)} time(s) in {minutes}; the affected contacts keep their previous scores until the nightly pass.",
                "The server log for 'Recomputing' errors and the database's health.");
        }

        if (window.Requests >= options.MinimumCalls && window.SlowRequests / window.Requests > options.SlowResponseRate)
        {
            yield return new("slow_responses", "warning",
                $"{Count(window.SlowRequests)} of {Count(window.Requests)} requests ({Percent(window.SlowRequests / window.Requests)}) in {minutes} took longer than {options.SlowResponseSeconds.ToString(CultureInfo.InvariantCulture)} s.",
                "CPU and database load (abm_scoring_recompute_duration_seconds, the backlog gauges), large imports running, and the database's slow-query log.");
        }

        if (window.CacheLookups >= options.MinimumCalls && window.CacheMisses / window.CacheLookups > options.RecommendationMissRate)
        {
            yield return new("recommendation_cache_misses", "warning",
                $"The recommendation cache missed {Count(window.CacheMisses)} of {Count(window.CacheLookups)} requests ({Percent(window.CacheMisses / window.CacheLookups)}) in {minutes}.",
                "Whether the content library is being edited or imported (each change empties the cache) and Recommendations__CacheMinutes.");
        }

        if (window.NurtureFailures > options.NurtureFailuresAllowed)
        {
            yield return new("nurture_failures", "warning",
                $"{Count(window.NurtureFailures)} nurture action(s) failed in {minutes}.",
                "The parked actions and their reasons (the enrolments API) and the HubSpot connection.");
        }

        if (backlog.InboxOldestAge.TotalSeconds > options.InboxBacklogSeconds)
        {
            yield return new("webhook_inbox_backlog", "warning",
                $"{backlog.InboxDepth} webhook batch(es) wait; the oldest arrived {Math.Round(backlog.InboxOldestAge.TotalMinutes, 1).ToString(CultureInfo.InvariantCulture)} minutes ago (threshold {options.InboxBacklogSeconds} s).",
                "That a server is running the webhook worker, the server log for 'webhook' errors, and HubSpot's rate-limit use while batches are applied.");
        }
    }

    private static string Count(double value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Percent(double share) => share.ToString("P1", CultureInfo.InvariantCulture);
}
