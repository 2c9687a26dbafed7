namespace Abm.Server.Features.Observability;

/// <summary>A condition that needs someone's attention: what is wrong, with the figures, and what to check first.</summary>
internal sealed record Alert(string Id, string Severity, string Summary, string WhatToCheck, DateTime Since);

/// <summary>The figures the alert rules read, as running totals; a window's figures are the difference of two.</summary>
internal sealed record AlertTotals(
    double HubSpotCalls, double HubSpotFailures, double Requests, double SlowRequests, double CacheLookups, double CacheMisses,
    double ScoringFailures, double DatabaseFailures, double NurtureFailures)
{
    public static AlertTotals Read(MetricsCollector metrics, AlertOptions options) => new(
        metrics.Total("abm.hubspot.requests"),
        metrics.Total("abm.hubspot.requests", tags => tags.TryGetValue("status", out var status) && IsFailure(status)),
        metrics.Total(RequestDuration),
        metrics.CountAbove(RequestDuration, options.SlowResponseSeconds),
        metrics.Total("abm.recommendations.lookups"),
        metrics.Total("abm.recommendations.lookups", tags => tags.GetValueOrDefault("result") == "miss"),
        metrics.Total("abm.scoring.failures"),
        metrics.Total("abm.database.connection_failures"),
        metrics.Total("abm.nurture.actions", tags => tags.GetValueOrDefault("outcome") is "failed" or "parked"));

    /// <summary>ASP.NET Core's own histogram of request durations.</summary>
    public const string RequestDuration = "http.server.request.duration";

    public AlertTotals Minus(AlertTotals earlier) => new(
        HubSpotCalls - earlier.HubSpotCalls, HubSpotFailures - earlier.HubSpotFailures, Requests - earlier.Requests, SlowRequests - earlier.SlowRequests,
        CacheLookups - earlier.CacheLookups, CacheMisses - earlier.CacheMisses, ScoringFailures - earlier.ScoringFailures,
        DatabaseFailures - earlier.DatabaseFailures, NurtureFailures - earlier.NurtureFailures);

    /// <summary>5xx, 429 and no answer at all (status 0) are HubSpot failing us; other 4xx are answers about our input.</summary>
    private static bool IsFailure(string status) => int.TryParse(status, out var code) && (code is 0 or 429 || code >= 500);
}
