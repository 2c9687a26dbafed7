namespace Abm.HubSpot.Crm;

/// <summary>Names of the CRM object types the engine uses, and the property that records their last change.</summary>
public static class CrmObjectTypes
{
    public const string Contacts = "contacts";
    public const string Companies = "companies";
    public const string Deals = "deals";
    public const string Tasks = "tasks";
    public const string Notes = "notes";
    public const string Meetings = "meetings";

    /// <summary>Contacts use <c>lastmodifieddate</c>; every other type <c>hs_lastmodifieddate</c>.</summary>
    public static string LastModifiedProperty(string objectType) =>
        string.Equals(objectType, Contacts, StringComparison.OrdinalIgnoreCase) || objectType == "0-1" ? "lastmodifieddate" : "hs_lastmodifieddate";
}
