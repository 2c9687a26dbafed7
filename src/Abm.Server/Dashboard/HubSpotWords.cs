using Abm.Server.Features.Analytics;
using Abm.Server.Features.Marketing.Email;
using Abm.Server.Features.Marketing.Lists;

namespace Abm.Server.Dashboard;

/// <summary>The HubSpot pages' words: record fields, statuses and outcomes, and how fresh the local copy is.</summary>
internal static class HubSpotWords
{
    /// <summary>The freshness line of a list read from the local copy.</summary>
    public static string ListFreshness(DateTime? lastSyncAt) => lastSyncAt is { } at
        ? $"Listed from ABM Engine's copy of the portal, last synced {SyncWords.When(at)}; changes made on this page show at once."
        : "Listed from ABM Engine's copy of the portal, which no sync has completed yet; changes made on this page show at once.";

    /// <summary>The freshness line of an analytics answer: per object type it rests on, when a sync last read it.</summary>
    public static string AnalyticsFreshness(IReadOnlyList<ObjectFreshness> freshness) =>
        "Computed from ABM Engine's copy of the portal: " + string.Join("; ", freshness.Select(f => f.LastSyncedAt is { } at
            ? $"{Labels.Words(f.ObjectType).ToLowerInvariant()} last synced {SyncWords.When(at)}{(f.FullSyncCompleted ? "" : " (no full sync completed yet)")}"
            : $"{Labels.Words(f.ObjectType).ToLowerInvariant()} never synced")) + ".";

    public static string CampaignStatus(string? status) => status is null ? "No status" : Labels.Words(status);

    public static string SendStatus(string status) => status switch
    {
        EmailSendStatus.Scheduled => "Scheduled",
        EmailSendStatus.Sending => "Sending",
        EmailSendStatus.Sent => "Sent",
        EmailSendStatus.Failed => "Failed",
        _ => Labels.Words(status),
    };

    public static string Membership(string outcome) => outcome switch
    {
        ListMembershipOutcomes.Added => "Added",
        ListMembershipOutcomes.AlreadyMember => "Already a member",
        ListMembershipOutcomes.Removed => "Removed",
        ListMembershipOutcomes.NotMember => "Was not a member",
        ListMembershipOutcomes.UnknownContact => "Refused: no such contact in this workspace",
        ListMembershipOutcomes.NotInHubSpot => "Refused: HubSpot has no such contact",
        _ => Labels.Words(outcome),
    };

    /// <summary>A day picked in a date field (yyyy-MM-dd) as the first moment of that UTC day, the form the record lists take.</summary>
    public static string? DayStart(string? day) => string.IsNullOrWhiteSpace(day) ? null : $"{day.Trim()}T00:00:00Z";

    public static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    public static string Day(DateOnly? day) => day?.ToString("d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture) ?? "";

    public static string Money(decimal? amount) => amount is { } value ? value.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) : "";

    public static string Share(double? share) => share is { } value ? value.ToString("P0", System.Globalization.CultureInfo.InvariantCulture) : "none closed";
}
