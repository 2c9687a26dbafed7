namespace Abm.HubSpot.Sandbox.Market.Behaviour;

/// <summary>
/// What the engine's sends achieved. <see cref="Conversion"/> is the content-to-meeting conversion the
/// calibration speaks of: buyers who booked at least one meeting in reaction to a send carrying a content item,
/// divided by the buyers sent at least one such email.
/// </summary>
internal sealed record SendSummary(int Sends, int ContentSends, int ContactsSentTo, int ContactsWithMeeting, double Conversion, int Opens, int Clicks, int Downloads, int Unsubscribes)
{
    public static SendSummary Of(IReadOnlyCollection<SendRecord> sends)
    {
        var withContent = sends.Where(s => s.ContentExternalId is not null).ToList();
        var contacts = withContent.Select(s => s.ContactId).Distinct().Count();
        var converted = withContent.Where(s => s.BookedMeeting).Select(s => s.ContactId).Distinct().Count();
        return new SendSummary(
            sends.Count, withContent.Count, contacts, converted, contacts == 0 ? 0 : Math.Round((double)converted / contacts, 4),
            sends.Count(s => s.Opened), sends.Count(s => s.Clicked), sends.Count(s => s.Downloaded), sends.Count(s => s.Unsubscribed));
    }
}
