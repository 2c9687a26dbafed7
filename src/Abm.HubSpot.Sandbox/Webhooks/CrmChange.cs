using Abm.HubSpot.Sandbox.Crm;

namespace Abm.HubSpot.Sandbox.Webhooks;

internal enum ChangeKind
{
    Creation,
    PropertyChange,
    Deletion,
    Merge,
    AssociationChange,
}

/// <summary>Details of an association change, as HubSpot puts them on associationChange events.</summary>
internal sealed record AssociationChangeDetail(string AssociationType, long FromObjectId, long ToObjectId, bool Removed, bool IsPrimary);

/// <summary>Details of a merge, as HubSpot puts them on merge events.</summary>
internal sealed record MergeDetail(long PrimaryObjectId, IReadOnlyList<long> MergedObjectIds, long NewObjectId, int NumberOfPropertiesMoved);

/// <summary>One change to CRM data, the raw material of webhook events.</summary>
internal sealed record CrmChange(
    long PortalId,
    CrmObjectType Type,
    long ObjectId,
    ChangeKind Kind,
    DateTimeOffset OccurredAt,
    string? PropertyName = null,
    string? PropertyValue = null,
    AssociationChangeDetail? Association = null,
    MergeDetail? Merge = null)
{
    /// <summary>HubSpot reports API-made changes with this source.</summary>
    public const string ChangeSource = "INTEGRATION";
}
