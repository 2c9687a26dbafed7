using Abm.HubSpot.Sandbox.Auth;
using Abm.HubSpot.Sandbox.Crm;
using Abm.HubSpot.Sandbox.Http;
using Abm.HubSpot.Sandbox.Portals;

namespace Abm.HubSpot.Sandbox.Email;

internal sealed record SubscriptionStatusBody(
    string Id, string Name, string Description, string Status, string SourceOfStatus, string? LegalBasis, string? LegalBasisExplanation, string? PreferenceGroupName);

/// <summary>
/// Communication preferences v3, <c>GET /communication-preferences/v3/status/email/{emailAddress}</c>: the one
/// marketing subscription the sandbox knows. A contact whose <c>hs_email_optout</c> is true, or a simulated buyer
/// who unsubscribed, is NOT_SUBSCRIBED with a portal-wide source, as HubSpot reports an opt-out of all email;
/// an address the portal does not know is SUBSCRIBED, as HubSpot answers for an address with no opt-out.
/// </summary>
internal static class SubscriptionStatusHandlers
{
    public const string MarketingSubscriptionId = "1";

    public static IResult Get(string emailAddress, HttpContext http) =>
        Caller.Of(http).Portal.Read(state =>
        {
            var optedOut = OptedOut(state, emailAddress);
            var status = new SubscriptionStatusBody(
                MarketingSubscriptionId, "Marketing Information", "Marketing offers and updates.",
                optedOut ? "NOT_SUBSCRIBED" : "SUBSCRIBED", optedOut ? "PORTAL_WIDE_STATUS" : "SUBSCRIPTION_STATUS", null, null, null);
            return SandboxJson.Json(new { recipient = emailAddress.ToLowerInvariant(), subscriptionStatuses = new[] { status } });
        });

    /// <summary>Whether the portal's contact with this address opted out of all email or unsubscribed (as a simulated buyer).</summary>
    public static bool OptedOut(PortalState state, string emailAddress) =>
        state.Stores[CrmObjectTypes.Contacts].FindByEmail(emailAddress) is { } contact
        && (string.Equals(contact.Get("hs_email_optout"), "true", StringComparison.OrdinalIgnoreCase) || state.Behaviour.Unsubscribed.Contains(contact.Id));
}
