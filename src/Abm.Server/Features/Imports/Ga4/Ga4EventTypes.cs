using Abm.Engines;
using Abm.Engines.Engagement;

namespace Abm.Server.Features.Imports.Ga4;

/// <summary>
/// Which GA4 events become which engagement events. A scroll (GA4 records one when a page is read to 90 %) and a
/// started form count as a website visit, so a page read to the end weighs more than a glance; a file download is a
/// content download; a submitted form or a generated lead is a form submission. Every other event (session_start,
/// user_engagement, click...) is skipped and counted by its name.
/// </summary>
internal static class Ga4EventTypes
{
    private static readonly Dictionary<string, EngagementEventType> Mapped = new(StringComparer.Ordinal)
    {
        ["page_view"] = EngagementEventType.WebsiteVisit,
        ["scroll"] = EngagementEventType.WebsiteVisit,
        ["form_start"] = EngagementEventType.WebsiteVisit,
        ["file_download"] = EngagementEventType.ContentDownload,
        ["form_submit"] = EngagementEventType.FormSubmission,
        ["generate_lead"] = EngagementEventType.FormSubmission,
    };

    /// <summary>The engagement event type's wire name, or null when the GA4 event is not imported.</summary>
    public static string? Of(string ga4EventName) => Mapped.TryGetValue(ga4EventName, out var type) ? type.ToWireName() : null;

    /// <summary>The link that names the content item: the downloaded file for a download, else the page.</summary>
    public static string? ContentLink(Ga4Row row) => row.EventName == "file_download" ? row.LinkUrl ?? row.PageLocation : row.PageLocation;
}
