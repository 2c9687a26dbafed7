namespace Abm.HubSpot.Crm;

/// <summary>An association to create with a new record: the target id and HubSpot's association type id (e.g. 279 contact to company).</summary>
public sealed record CrmAssociationInput(string ToId, int AssociationTypeId, string Category = "HUBSPOT_DEFINED");

/// <summary>A record to create.</summary>
public sealed record CrmRecordInput(IReadOnlyDictionary<string, string?> Properties, IReadOnlyList<CrmAssociationInput>? Associations = null);

/// <summary>
/// Property changes to an existing record. For updates <see cref="Id"/> is the record id (or the value of
/// the id property named in the call); for upserts it is the value of the unique id property.
/// </summary>
public sealed record CrmRecordUpdate(string Id, IReadOnlyDictionary<string, string?> Properties);

internal sealed record TypeSpecDto(string AssociationCategory, int AssociationTypeId);

internal sealed record AssociationTargetDto(string Id);

internal sealed record CreateAssociationDto(AssociationTargetDto To, IReadOnlyList<TypeSpecDto> Types);

internal sealed record CreateInputDto(IReadOnlyDictionary<string, string?> Properties, IReadOnlyList<CreateAssociationDto>? Associations)
{
    public static CreateInputDto From(CrmRecordInput input) => new(
        input.Properties,
        input.Associations?.Select(a => new CreateAssociationDto(new AssociationTargetDto(a.ToId), [new TypeSpecDto(a.Category, a.AssociationTypeId)])).ToList());
}

internal sealed record UpdateInputDto(string Id, IReadOnlyDictionary<string, string?> Properties, string? IdProperty = null);

internal sealed record IdInputDto(string Id);

internal sealed record BatchBodyDto<T>(IReadOnlyList<T> Inputs, IReadOnlyList<string>? Properties = null, string? IdProperty = null);
