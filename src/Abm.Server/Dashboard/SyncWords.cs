using Abm.Server.Features.Sync;

namespace Abm.Server.Dashboard;

/// <summary>The sync page's words for runs, connections and ages.</summary>
internal static class SyncWords
{
    public static bool IsGoing(SyncRunResponse run) => run.Status is SyncRunStatus.Queued or SyncRunStatus.Running;

    public static string Status(string status) => status switch
    {
        SyncRunStatus.Queued => "Waiting to start",
        SyncRunStatus.Running => "Running",
        SyncRunStatus.Succeeded => "Finished",
        SyncRunStatus.Failed => "Failed",
        SyncRunStatus.Cancelled => "Cancelled",
        SyncRunStatus.Abandoned => "Stopped (server restarted)",
        _ => Labels.Words(status),
    };

    public static string Kind(string kind) => kind == SyncKinds.Incremental ? "Changes since last sync" : "Full";

    public static string Trigger(string trigger) => trigger switch
    {
        "schedule" => "schedule",
        "cli" => "command line",
        "api" => "API",
        "dashboard" => "dashboard",
        _ => trigger,
    };

    public static string Connection(string status) => status switch
    {
        "connected" => "Connected",
        "not_connected" => "Not connected",
        "disconnected" => "Disconnected",
        _ => Labels.Words(status),
    };

    public static string HowConnected(string source, string? authKind) => (source, authKind) switch
    {
        ("environment", _) => "private app token set in the server's environment",
        (_, "private_app") => "private app token",
        (_, "oauth") => "HubSpot app installed through OAuth",
        _ => "not connected",
    };

    /// <summary>An age in the largest unit that keeps it short: "45 s", "12 min", "3 h", "2 days".</summary>
    public static string Age(double? seconds) => seconds switch
    {
        null => "none",
        < 90 => $"{seconds:0} s",
        < 90 * 60 => $"{seconds / 60:0} min",
        < 48 * 3600 => $"{seconds / 3600:0} h",
        _ => $"{seconds / 86400:0} days",
    };

    public static string When(DateTime? at) => at is { } value ? $"{value:d MMM yyyy HH:mm} UTC" : "never";
}
