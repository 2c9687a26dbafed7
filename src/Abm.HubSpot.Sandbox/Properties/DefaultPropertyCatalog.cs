using Abm.HubSpot.Sandbox.Crm;

namespace Abm.HubSpot.Sandbox.Properties;

/// <summary>The HubSpot-defined properties every new portal starts with (the subset the product uses).</summary>
internal static class DefaultPropertyCatalog
{
    public static readonly string[] LifecycleStages =
        ["subscriber", "lead", "marketingqualifiedlead", "salesqualifiedlead", "opportunity", "customer", "evangelist", "other"];

    public static readonly string[] BuyingRoles =
        ["BLOCKER", "BUDGET_HOLDER", "CHAMPION", "DECISION_MAKER", "END_USER", "EXECUTIVE_SPONSOR", "INFLUENCER", "LEGAL_AND_COMPLIANCE", "OTHER"];

    public static readonly string[] DealStages =
        ["appointmentscheduled", "qualifiedtobuy", "presentationscheduled", "decisionmakerboughtin", "contractsent", "closedwon", "closedlost"];

    public static readonly string[] Industries =
        ["COMPUTER_SOFTWARE", "FINANCIAL_SERVICES", "HOSPITAL_HEALTH_CARE", "INDUSTRIAL_AUTOMATION", "RETAIL", "INFORMATION_TECHNOLOGY_AND_SERVICES", "BANKING", "MEDICAL_DEVICES", "MACHINERY", "CONSUMER_GOODS"];

    public static readonly string[] TechStack =
        ["salesforce", "hubspot", "microsoft_dynamics", "sap", "oracle", "aws", "azure", "google_cloud", "snowflake", "slack", "zendesk", "shopify"];

    public static PropertySchema Create(CrmObjectType type, DateTimeOffset now)
    {
        var schema = new PropertySchema();
        var builder = new Builder(schema, type.DefaultGroup, now);
        schema.PutGroup(new PropertyGroup(type.DefaultGroup, $"{char.ToUpperInvariant(type.SingularName[0])}{type.SingularName[1..]} information", 0));
        builder.ReadOnly("hs_object_id", "Record ID", "number", "number");
        builder.ReadOnly(type.ModifiedProperty, "Last Modified Date", "datetime", "date");
        builder.Add(type.CreatedProperty, "Create Date", "datetime", "date");
        builder.Owner();
        switch (type.Name)
        {
            case "contacts":
                builder.Text("email", "firstname", "lastname", "jobtitle", "phone", "company", "website", "city", "country", "hs_email_domain");
                builder.Enum("lifecyclestage", "select", LifecycleStages);
                builder.Enum("hs_buying_role", "checkbox", BuyingRoles);
                builder.Add("associatedcompanyid", "Primary Associated Company ID", "number", "number");
                builder.Add("hs_email_optout", "Opted out of all email", "bool", "booleancheckbox", [new("True", "true"), new("False", "false")]);
                builder.Add("hs_sales_email_last_replied", "Recent Sales Email Replied Date", "datetime", "date");
                builder.Unique("email");
                break;
            case "companies":
                builder.Text("name", "domain", "website", "phone", "city", "country", "description");
                builder.Add("numberofemployees", "Number of Employees", "number", "number");
                builder.Add("annualrevenue", "Annual Revenue", "number", "number");
                builder.Enum("industry", "select", Industries);
                builder.Enum("web_technologies", "checkbox", TechStack);
                builder.Enum("hs_ideal_customer_profile", "radio", ["tier_1", "tier_2", "tier_3"]);
                builder.Enum("lifecyclestage", "select", LifecycleStages);
                builder.Add("hs_is_target_account", "Target Account", "bool", "booleancheckbox", [new("True", "true"), new("False", "false")]);
                break;
            case "deals":
                builder.Text("dealname", "description");
                builder.Add("amount", "Amount", "number", "number");
                builder.Add("closedate", "Close Date", "datetime", "date");
                builder.Enum("dealstage", "radio", DealStages);
                builder.Enum("pipeline", "select", ["default"]);
                builder.Enum("dealtype", "radio", ["newbusiness", "existingbusiness"]);
                break;
            case "tasks":
                builder.Add("hs_timestamp", "Due date", "datetime", "date");
                builder.Text("hs_task_subject", "hs_task_body");
                builder.Enum("hs_task_status", "select", ["NOT_STARTED", "IN_PROGRESS", "WAITING", "COMPLETED", "DEFERRED"]);
                builder.Add("hs_task_completion_date", "Completed at", "datetime", "date");
                builder.Enum("hs_task_priority", "select", ["NONE", "LOW", "MEDIUM", "HIGH"]);
                builder.Enum("hs_task_type", "select", ["EMAIL", "CALL", "TODO", "LINKED_IN"]);
                break;
            case "notes":
                builder.Add("hs_timestamp", "Activity date", "datetime", "date");
                builder.Text("hs_note_body");
                break;
            case "meetings":
                builder.Add("hs_timestamp", "Activity date", "datetime", "date");
                builder.Add("hs_meeting_start_time", "Start time", "datetime", "date");
                builder.Add("hs_meeting_end_time", "End time", "datetime", "date");
                builder.Text("hs_meeting_title", "hs_meeting_body");
                builder.Enum("hs_meeting_outcome", "select", ["SCHEDULED", "COMPLETED", "RESCHEDULED", "NO_SHOW", "CANCELED"]);
                break;
        }

        return schema;
    }

    private sealed class Builder(PropertySchema schema, string group, DateTimeOffset now)
    {
        public void Add(string name, string label, string type, string fieldType, IReadOnlyList<PropertyOption>? options = null) =>
            schema.Put(new PropertyDefinition
            {
                Name = name, Label = label, Type = type, FieldType = fieldType, GroupName = group,
                Options = options ?? [], HubspotDefined = true, CreatedAt = now, UpdatedAt = now,
            });

        public void ReadOnly(string name, string label, string type, string fieldType) =>
            schema.Put(Definition(name, label, type, fieldType) with { ReadOnlyValue = true });

        public void Text(params string[] names)
        {
            foreach (var name in names)
            {
                Add(name, name, "string", "text");
            }
        }

        public void Enum(string name, string fieldType, IReadOnlyList<string> values) =>
            Add(name, name, "enumeration", fieldType, values.Select((v, i) => new PropertyOption(v, v, false, i)).ToList());

        public void Owner() => schema.Put(Definition("hubspot_owner_id", "Owner", "enumeration", "select") with { ExternalOptions = true });

        public void Unique(string name) => schema.Put(schema.Find(name)! with { HasUniqueValue = true });

        private PropertyDefinition Definition(string name, string label, string type, string fieldType) => new()
        {
            Name = name, Label = label, Type = type, FieldType = fieldType, GroupName = group,
            HubspotDefined = true, CreatedAt = now, UpdatedAt = now,
        };
    }
}
