namespace Abm.Server.Features.Webhooks;

/// <summary>
/// What one workspace's events ask for: per object type, each record to re-read with the newest time an event
/// touched it. Duplicates and order vanish here: the same events in any order and any number give the same targets.
/// </summary>
internal sealed class WebhookTargets
{
    private static readonly Dictionary<string, string> ObjectTypes = new(StringComparer.Ordinal)
    {
        ["contact"] = "contacts", ["company"] = "companies", ["deal"] = "deals",
    };

    private static readonly HashSet<string> Changes = new(StringComparer.Ordinal)
    {
        "creation", "propertyChange", "deletion", "merge", "associationChange", "restore",
    };

    /// <summary>HubSpot deleted the contact under GDPR (in HubSpot, or through our own erasure): it is erased here, never re-read.</summary>
    private const string PrivacyDeletion = "contact.privacyDeletion";

    /// <summary>Object type ("contacts", "companies", "deals") to HubSpot id to the newest occurredAt.</summary>
    public Dictionary<string, Dictionary<string, DateTimeOffset>> Records { get; } = new(StringComparer.Ordinal);

    /// <summary>HubSpot ids of contacts to erase locally (privacy deletions); they are left out of <see cref="Records"/>.</summary>
    public HashSet<string> Erasures { get; } = new(StringComparer.Ordinal);

    /// <summary>Subscription types we do not act on, with how many events had them.</summary>
    public Dictionary<string, int> UnknownTypes { get; } = new(StringComparer.Ordinal);

    public static WebhookTargets From(IEnumerable<WebhookEvent> events)
    {
        var targets = new WebhookTargets();
        foreach (var webhookEvent in events)
        {
            if (webhookEvent.SubscriptionType == PrivacyDeletion)
            {
                targets.Erasures.Add(webhookEvent.ObjectId);
                continue;
            }

            var parts = webhookEvent.SubscriptionType.Split('.', 2);
            if (parts.Length != 2 || !ObjectTypes.TryGetValue(parts[0], out var objectType) || !Changes.Contains(parts[1]))
            {
                targets.UnknownTypes[webhookEvent.SubscriptionType] = targets.UnknownTypes.GetValueOrDefault(webhookEvent.SubscriptionType) + 1;
                continue;
            }

            // A merge changes the surviving record and retires the merged ones: all of them are re-read.
            foreach (var id in webhookEvent.MergedIds.Prepend(webhookEvent.ObjectId))
            {
                targets.Touch(objectType, id, webhookEvent.OccurredAt);
            }
        }

        return targets;
    }

    /// <summary>Adds another set's records, keeping each record's newest time: pooling batches is order-free too.</summary>
    public void Include(WebhookTargets other)
    {
        Erasures.UnionWith(other.Erasures);
        foreach (var (objectType, records) in other.Records)
        {
            foreach (var (id, occurredAt) in records)
            {
                Touch(objectType, id, occurredAt);
            }
        }
    }

    private void Touch(string objectType, string id, DateTimeOffset occurredAt)
    {
        if (!Records.TryGetValue(objectType, out var records))
        {
            Records[objectType] = records = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        }

        if (!records.TryGetValue(id, out var known) || occurredAt > known)
        {
            records[id] = occurredAt;
        }
    }
}
