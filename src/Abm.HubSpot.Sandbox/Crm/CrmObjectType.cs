namespace Abm.HubSpot.Sandbox.Crm;

/// <summary>
/// One CRM object type as HubSpot describes it: its path name, type id, the properties it returns
/// when none are asked for, what it requires on create and which scopes guard it.
/// </summary>
internal sealed record CrmObjectType(
    string Name,
    string TypeId,
    string SingularName,
    string CreatedProperty,
    string ModifiedProperty,
    IReadOnlyList<string> DefaultProperties,
    IReadOnlyList<IReadOnlyList<string>> RequiredOnCreate,
    string ScopeObject,
    string DefaultGroup,
    IReadOnlyList<string> SearchableProperties)
{
    /// <summary>The object name used in scopes ("tasks need the contacts scopes").</summary>
    public string ReadScope => $"crm.objects.{ScopeObject}.read";

    public string WriteScope => $"crm.objects.{ScopeObject}.write";

    public string SchemaReadScope => $"crm.schemas.{ScopeObject}.read";

    public string SchemaWriteScope => $"crm.schemas.{ScopeObject}.write";

    /// <summary>Prefix of webhook subscription types (contact.creation, ...); null when HubSpot sends none.</summary>
    public string? WebhookPrefix => Name switch
    {
        "contacts" => "contact",
        "companies" => "company",
        "deals" => "deal",
        _ => null,
    };

    /// <summary>The label HubSpot puts in messages such as "Could not get some CONTACT objects".</summary>
    public string UpperSingular => SingularName.ToUpperInvariant();
}
