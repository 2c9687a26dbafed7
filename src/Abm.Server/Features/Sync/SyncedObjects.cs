namespace Abm.Server.Features.Sync;

/// <summary>
/// The HubSpot object types sync keeps a local copy of, in the order a full sync reads them (owners and
/// companies first, so contacts and deals find the records they point at), and the properties read for each.
/// </summary>
internal static class SyncedObjects
{
    public const string Owners = "owners";
    public const string Companies = "companies";
    public const string Contacts = "contacts";
    public const string Deals = "deals";
    public const string Meetings = "meetings";

    public static IReadOnlyList<string> FullSyncOrder { get; } = [Owners, Companies, Contacts, Deals];

    /// <summary>The CRM object types (owners are not one) in the order incremental sync reads them.</summary>
    public static IReadOnlyList<string> CrmTypes { get; } = [Companies, Contacts, Deals];

    public static IReadOnlyList<string> PropertiesOf(string objectType) => objectType switch
    {
        Contacts =>
        [
            "email", "firstname", "lastname", "jobtitle", "company", "phone", "country", "city", "lifecyclestage", "hs_lead_status",
            "hs_buying_role", "hubspot_owner_id", "associatedcompanyid", "createdate", "lastmodifieddate", "hs_email_optout", "hs_sales_email_last_replied", "hs_timezone",
            "hs_analytics_source",
        ],
        Companies =>
        [
            "name", "domain", "website", "industry", "numberofemployees", "annualrevenue", "country", "city", "web_technologies",
            "lifecyclestage", "hs_ideal_customer_profile", "hs_is_target_account", "abm_account_tier", "abm_industry_vertical",
            "hubspot_owner_id", "createdate", "hs_lastmodifieddate",
        ],
        Deals => ["dealname", "dealstage", "pipeline", "amount", "closedate", "dealtype", "hubspot_owner_id", "createdate", "hs_lastmodifieddate"],
        _ => throw new ArgumentOutOfRangeException(nameof(objectType), objectType, "Not a synced CRM object type."),
    };

    /// <summary>Associations read with each record: a contact's companies, a deal's companies and contacts.</summary>
    public static IReadOnlyList<string> AssociationsOf(string objectType) => objectType switch
    {
        Contacts => [Companies],
        Deals => [Companies, Contacts],
        Meetings => [Contacts],
        _ => [],
    };
}
