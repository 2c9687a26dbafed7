namespace Abm.Server.Features.WriteBack;

/// <summary>The life of an outbox row.</summary>
internal static class OutboxStatus
{
    /// <summary>Waiting to be sent; at most one per record, and new values merge into it.</summary>
    public const string Pending = "pending";

    /// <summary>In a batch call right now; new values for the record start a fresh pending row meanwhile.</summary>
    public const string Sending = "sending";

    public const string Sent = "sent";

    /// <summary>The record no longer exists in HubSpot.</summary>
    public const string Dropped = "dropped";

    /// <summary>Nothing left to send: the values were a profile of a contact who withdrew profiling.</summary>
    public const string Withheld = "withheld";

    /// <summary>Failed while a newer pending row appeared; its values were merged under the newer ones.</summary>
    public const string Superseded = "superseded";
}
