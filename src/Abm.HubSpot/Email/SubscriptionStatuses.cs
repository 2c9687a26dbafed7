namespace Abm.HubSpot.Email;

/// <summary>
/// One subscription of an email address: <see cref="Status"/> is <c>SUBSCRIBED</c> or <c>NOT_SUBSCRIBED</c>;
/// <see cref="SourceOfStatus"/> is e.g. <c>SUBSCRIPTION_STATUS</c>, or <c>PORTAL_WIDE_STATUS</c> /
/// <c>BRAND_WIDE_STATUS</c> when the address opted out of all email.
/// </summary>
public sealed record SubscriptionStatus(string Id, string? Name, string Status, string? SourceOfStatus);

/// <summary>An email address's subscription statuses as HubSpot's communication preferences API reports them.</summary>
public sealed record SubscriptionStatuses(string Recipient, IReadOnlyList<SubscriptionStatus> Subscriptions)
{
    /// <summary>
    /// True when the address must not be emailed: a portal- or brand-wide opt-out, or every subscription it has
    /// is NOT_SUBSCRIBED. An address with no subscription on record has not opted out.
    /// </summary>
    public bool OptedOut =>
        Subscriptions.Any(s => NotSubscribed(s) && s.SourceOfStatus is "PORTAL_WIDE_STATUS" or "BRAND_WIDE_STATUS")
        || (Subscriptions.Count > 0 && Subscriptions.All(NotSubscribed));

    private static bool NotSubscribed(SubscriptionStatus s) => string.Equals(s.Status, "NOT_SUBSCRIBED", StringComparison.OrdinalIgnoreCase);
}

internal sealed record SubscriptionStatusDto(string? Id, string? Name, string? Status, string? SourceOfStatus);

internal sealed record SubscriptionStatusesDto(string? Recipient, List<SubscriptionStatusDto>? SubscriptionStatuses);
