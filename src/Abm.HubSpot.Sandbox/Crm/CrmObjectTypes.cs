namespace Abm.HubSpot.Sandbox.Crm;

/// <summary>The object types the sandbox serves, resolvable by name, singular name or type id like HubSpot.</summary>
internal static class CrmObjectTypes
{
    public static readonly CrmObjectType Contacts = new(
        "contacts", "0-1", "contact", "createdate", "lastmodifieddate",
        ["createdate", "email", "firstname", "hs_object_id", "lastmodifieddate", "lastname"],
        [],
        "contacts", "contactinformation",
        ["firstname", "lastname", "email", "phone", "company", "jobtitle"]);

    public static readonly CrmObjectType Companies = new(
        "companies", "0-2", "company", "createdate", "hs_lastmodifieddate",
        ["createdate", "domain", "hs_lastmodifieddate", "hs_object_id", "name"],
        [["domain", "name"]],
        "companies", "companyinformation",
        ["name", "domain", "website", "phone"]);

    public static readonly CrmObjectType Deals = new(
        "deals", "0-3", "deal", "createdate", "hs_lastmodifieddate",
        ["amount", "closedate", "createdate", "dealname", "dealstage", "hs_lastmodifieddate", "hs_object_id", "pipeline"],
        [["dealname"], ["dealstage"], ["pipeline"]],
        "deals", "dealinformation",
        ["dealname"]);

    public static readonly CrmObjectType Tasks = new(
        "tasks", "0-27", "task", "hs_createdate", "hs_lastmodifieddate",
        ["hs_createdate", "hs_lastmodifieddate", "hs_object_id"],
        [["hs_timestamp"]],
        "contacts", "task",
        ["hs_task_subject", "hs_task_body"]);

    public static readonly CrmObjectType Notes = new(
        "notes", "0-46", "note", "hs_createdate", "hs_lastmodifieddate",
        ["hs_createdate", "hs_lastmodifieddate", "hs_object_id"],
        [["hs_timestamp"]],
        "contacts", "note",
        ["hs_note_body"]);

    public static readonly CrmObjectType Meetings = new(
        "meetings", "0-47", "meeting", "hs_createdate", "hs_lastmodifieddate",
        ["hs_createdate", "hs_lastmodifieddate", "hs_object_id"],
        [["hs_timestamp"]],
        "contacts", "meeting",
        ["hs_meeting_title", "hs_meeting_body"]);

    public static IReadOnlyList<CrmObjectType> All { get; } = [Contacts, Companies, Deals, Tasks, Notes, Meetings];

    public static CrmObjectType? Find(string nameOrId)
    {
        foreach (var type in All)
        {
            if (string.Equals(type.Name, nameOrId, StringComparison.OrdinalIgnoreCase)
                || string.Equals(type.SingularName, nameOrId, StringComparison.OrdinalIgnoreCase)
                || type.TypeId == nameOrId)
            {
                return type;
            }
        }

        return null;
    }
}
