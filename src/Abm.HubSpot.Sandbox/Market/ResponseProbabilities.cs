namespace Abm.HubSpot.Sandbox.Market;

/// <summary>
/// The chances that one send leads to each reaction. They nest: a click needs an open, a download a click and a
/// meeting an open, so each is at most the one before it.
/// </summary>
internal sealed record ResponseProbabilities(double Open, double Click, double Download, double Meeting, double Unsubscribe);

/// <summary>What a buyer did with one send.</summary>
internal sealed record ResponseOutcome(bool Opened, bool Clicked, bool Downloaded, bool BookedMeeting, bool Unsubscribed);
