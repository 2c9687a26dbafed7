namespace Abm.HubSpot.Sandbox.Auth;

/// <summary>The granular scopes the sandbox knows; private-app tokens get all of them unless told otherwise.</summary>
internal static class KnownScopes
{
    public const string OwnersRead = "crm.objects.owners.read";
    public const string ListsRead = "crm.lists.read";
    public const string ListsWrite = "crm.lists.write";
    public const string TransactionalEmail = "transactional-email";
    public const string Content = "content";
    public const string Forms = "forms";
    public const string OAuth = "oauth";
    public const string CommunicationPreferencesRead = "communication_preferences.read";
    public const string MarketingEmail = "marketing-email";
    public const string CampaignsRead = "marketing.campaigns.read";
    public const string CampaignsWrite = "marketing.campaigns.write";

    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "crm.objects.contacts.read", "crm.objects.contacts.write",
        "crm.objects.companies.read", "crm.objects.companies.write",
        "crm.objects.deals.read", "crm.objects.deals.write",
        "crm.schemas.contacts.read", "crm.schemas.contacts.write",
        "crm.schemas.companies.read", "crm.schemas.companies.write",
        "crm.schemas.deals.read", "crm.schemas.deals.write",
        OwnersRead, ListsRead, ListsWrite, TransactionalEmail, Content, Forms, OAuth, CommunicationPreferencesRead,
        MarketingEmail, CampaignsRead, CampaignsWrite,
    };
}
