namespace Abm.Server.Features.Webhooks;

/// <summary>The life of an inbox batch. Every batch stays in the inbox whatever its fate.</summary>
internal static class WebhookInboxStatus
{
    /// <summary>Stored, waiting for the worker (or for its back-off after a failure).</summary>
    public const string Pending = "pending";

    /// <summary>Claimed by an instance until its next attempt time; due again if that instance dies.</summary>
    public const string Processing = "processing";

    public const string Done = "done";

    /// <summary>No event's portal belongs to a workspace here.</summary>
    public const string Unmatched = "unmatched";

    /// <summary>Failed on every allowed attempt; the error says why.</summary>
    public const string Failed = "failed";
}
