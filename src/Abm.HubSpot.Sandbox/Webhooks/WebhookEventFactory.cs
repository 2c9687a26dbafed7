namespace Abm.HubSpot.Sandbox.Webhooks;

/// <summary>Turns a CRM change into the events of the subscriptions it matches.</summary>
internal static class WebhookEventFactory
{
    public static IEnumerable<WebhookEvent> For(CrmChange change, IReadOnlyList<WebhookSubscription> subscriptions, long appId, Func<long> nextEventId)
    {
        if (change.Type.WebhookPrefix is not { } prefix)
        {
            yield break;
        }

        var eventType = $"{prefix}.{Suffix(change.Kind)}";
        foreach (var subscription in subscriptions.Where(s => s.Active && s.EventType == eventType))
        {
            if (change.Kind == ChangeKind.PropertyChange && subscription.PropertyName != change.PropertyName)
            {
                continue;
            }

            var basic = new WebhookEvent(
                nextEventId(), subscription.Id, change.PortalId, appId, change.OccurredAt.ToUnixTimeMilliseconds(),
                eventType, 0, change.ObjectId, CrmChange.ChangeSource);
            yield return change.Kind switch
            {
                ChangeKind.Creation => basic with { ChangeFlag = "CREATED" },
                ChangeKind.Deletion => basic with { ChangeFlag = "DELETED" },
                ChangeKind.PropertyChange => basic with { PropertyName = change.PropertyName, PropertyValue = change.PropertyValue ?? "" },
                ChangeKind.AssociationChange when change.Association is { } a => basic with
                {
                    AssociationType = a.AssociationType,
                    FromObjectId = a.FromObjectId,
                    ToObjectId = a.ToObjectId,
                    AssociationRemoved = a.Removed,
                    IsPrimaryAssociation = a.IsPrimary,
                },
                ChangeKind.Merge when change.Merge is { } m => basic with
                {
                    ChangeFlag = "MERGED",
                    PrimaryObjectId = m.PrimaryObjectId,
                    MergedObjectIds = m.MergedObjectIds,
                    NewObjectId = m.NewObjectId,
                    NumberOfPropertiesMoved = m.NumberOfPropertiesMoved,
                },
                _ => basic,
            };
        }
    }

    private static string Suffix(ChangeKind kind) => kind switch
    {
        ChangeKind.Creation => "creation",
        ChangeKind.PropertyChange => "propertyChange",
        ChangeKind.Deletion => "deletion",
        ChangeKind.Merge => "merge",
        _ => "associationChange",
    };
}
