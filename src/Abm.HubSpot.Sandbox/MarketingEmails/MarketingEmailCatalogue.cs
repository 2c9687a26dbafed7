namespace Abm.HubSpot.Sandbox.MarketingEmails;

/// <summary>One marketing email every portal is seeded with; its email events carry its id as <c>emailCampaignId</c>.</summary>
internal sealed record SeededMarketingEmail(long Id, string Name, string Subject, string State);

/// <summary>
/// The marketing emails (templates) of every sandbox portal: a fixed few, the same in each portal, so tests and the demo
/// can name them. They are not stored in the data file because they never change; which campaign one belongs to is
/// kept with the campaign (its MARKETING_EMAIL assets).
/// </summary>
internal static class MarketingEmailCatalogue
{
    public static IReadOnlyList<SeededMarketingEmail> Emails { get; } =
    [
        new(710001, "Monthly product newsletter", "What's new this month", "PUBLISHED"),
        new(710002, "Webinar invitation", "Join our live webinar", "PUBLISHED"),
        new(710003, "Customer story spotlight", "How a peer cut costs by a third", "PUBLISHED"),
        new(710004, "Pricing follow-up (draft)", "Your pricing questions, answered", "DRAFT"),
    ];

    public static SeededMarketingEmail? Find(string? emailId) =>
        long.TryParse(emailId, out var id) ? Find(id) : null;

    public static SeededMarketingEmail? Find(long emailId) => Emails.FirstOrDefault(e => e.Id == emailId);
}
