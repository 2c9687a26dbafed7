namespace Abm.HubSpot.Sandbox.Webhooks;

/// <summary>One webhook event as HubSpot serialises it; <see cref="AttemptNumber"/> changes with each retry.</summary>
internal sealed record WebhookEvent(
    long EventId,
    long SubscriptionId,
    long PortalId,
    long AppId,
    long OccurredAt,
    string SubscriptionType,
    int AttemptNumber,
    long ObjectId,
    string ChangeSource,
    string? ChangeFlag = null,
    string? PropertyName = null,
    string? PropertyValue = null,
    string? AssociationType = null,
    long? FromObjectId = null,
    long? ToObjectId = null,
    bool? AssociationRemoved = null,
    bool? IsPrimaryAssociation = null,
    long? PrimaryObjectId = null,
    IReadOnlyList<long>? MergedObjectIds = null,
    long? NewObjectId = null,
    int? NumberOfPropertiesMoved = null);
