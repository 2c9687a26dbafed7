namespace Abm.Server.Features.Live;

/// <summary>
/// Something changed in a workspace that open pages may want to show: a kind (<see cref="LiveKinds"/>), never the
/// data itself (a page reads what it shows again, under its user's rights). <see cref="Origin"/> names the server
/// instance that raised it.
/// </summary>
internal sealed record LiveNotice(Guid WorkspaceId, string Kind, Guid Origin);

/// <summary>The kinds of change a page can follow.</summary>
internal static class LiveKinds
{
    /// <summary>Engagement events were stored (the API, imports, HubSpot pulls).</summary>
    public const string Events = "events";

    /// <summary>Contact and account scores were recomputed.</summary>
    public const string Scores = "scores";

    /// <summary>A sync run committed a page, or ended.</summary>
    public const string Sync = "sync";

    /// <summary>Contacts were enrolled or unenrolled, or nurture actions settled.</summary>
    public const string Nurture = "nurture";

    /// <summary>Lead scores were stored (a single scoring, a bulk one, the automatic worker).</summary>
    public const string Leads = "leads";

    public static readonly IReadOnlyList<string> All = [Events, Scores, Sync, Nurture, Leads];
}
