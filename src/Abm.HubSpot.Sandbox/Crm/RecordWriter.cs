using Abm.HubSpot.Sandbox.Associations;
using Abm.HubSpot.Sandbox.Hosting;
using Abm.HubSpot.Sandbox.Http;
using Abm.HubSpot.Sandbox.Pipelines;
using Abm.HubSpot.Sandbox.Portals;
using Abm.HubSpot.Sandbox.Properties;
using Abm.HubSpot.Sandbox.Webhooks;

namespace Abm.HubSpot.Sandbox.Crm;

/// <summary>
/// Every write to CRM records goes through here, so that validation, uniqueness, timestamps, the search
/// index lag and change events behave the same for single, batch and association calls.
/// </summary>
internal sealed class RecordWriter(TimeProvider clock, SandboxOptions options, ChangeFeed feed)
{
    /// <summary>Runs <paramref name="action"/> under the portal's lock with a consistent "now".</summary>
    public T Locked<T>(Portal portal, Func<WriteContext, T> action)
    {
        lock (portal.Gate)
        {
            return action(new WriteContext(portal, portal.State, clock.GetUtcNow()));
        }
    }

    public static (Dictionary<string, string?> Values, HubSpotError? Error) Validate(WriteContext context, CrmObjectType type, IReadOnlyDictionary<string, string?> input, bool isCreate)
    {
        var (values, problems) = PropertyValueValidator.Validate(context.State.Schemas[type], input);
        if (isCreate)
        {
            foreach (var anyOf in type.RequiredOnCreate.Where(names => names.All(n => string.IsNullOrEmpty(values.GetValueOrDefault(n)))))
            {
                problems.Add(new PropertyProblem(anyOf[0], "REQUIRED_FIELD", $"{string.Join(" or ", anyOf)} is required"));
            }
        }

        return problems.Count == 0 ? (values, null) : (values, PropertyProblem.ToError(problems));
    }

    public static HubSpotError? Conflict(WriteContext context, CrmObjectType type, IReadOnlyDictionary<string, string?> values, long? exceptId)
    {
        if (type != CrmObjectTypes.Contacts || values.GetValueOrDefault("email") is not { Length: > 0 } email)
        {
            return null;
        }

        return context.Store(type).FindByEmail(email) is { } existing && existing.Id != exceptId
            ? HubSpotErrors.Conflict($"Contact already exists. Existing ID: {existing.Id}")
            : null;
    }

    /// <summary>Creates a record from already validated values; fails only on a conflict or a bad association.</summary>
    public (CrmRecord? Record, HubSpotError? Error) Create(WriteContext context, CrmObjectType type, IReadOnlyDictionary<string, string?> values, IReadOnlyList<AssociationInput> associations)
    {
        if ((Conflict(context, type, values, null) ?? DealStageOptions.Mismatch(context.State, type, values, null)) is { } conflict)
        {
            return (null, conflict);
        }

        var (links, linkError) = AssociationResolver.Resolve(context, type, associations);
        if (linkError is not null)
        {
            return (null, linkError);
        }

        values = WithPrimaryCompany(type, values, links);
        var record = CrmRecordFactory.Insert(context.State, type, context.Now, values);
        record.SearchVisibleAt = context.Now + options.SearchVisibilityDelay;
        Publish(context, record, ChangeKind.Creation);
        foreach (var (name, value) in values.Where(v => v.Value is not null))
        {
            Publish(context, record, ChangeKind.PropertyChange, name, value);
        }

        foreach (var (toType, toId, kind) in links)
        {
            Associate(context, type, record.Id, toType, toId, kind);
        }

        return (record, null);
    }

    // HubSpot fills a new contact's associatedcompanyid from the primary company it is created with.
    private static IReadOnlyDictionary<string, string?> WithPrimaryCompany(
        CrmObjectType type, IReadOnlyDictionary<string, string?> values, List<(CrmObjectType ToType, long ToId, AssociationKind Kind)> links) =>
        type == CrmObjectTypes.Contacts && string.IsNullOrEmpty(values.GetValueOrDefault("associatedcompanyid"))
            && links.FirstOrDefault(l => l.ToType == CrmObjectTypes.Companies && l.Kind.Label == "Primary") is { Kind: not null } primary
            ? new Dictionary<string, string?>(values, StringComparer.Ordinal) { ["associatedcompanyid"] = primary.ToId.ToString(System.Globalization.CultureInfo.InvariantCulture) }
            : values;

    public HubSpotError? Update(WriteContext context, CrmRecord record, IReadOnlyDictionary<string, string?> values)
    {
        if ((Conflict(context, record.Type, values, record.Id) ?? DealStageOptions.Mismatch(context.State, record.Type, values, record)) is { } conflict)
        {
            return conflict;
        }

        TouchSearchIndex(context, record);
        var previousEmail = record.Get("email");
        foreach (var (name, value) in values)
        {
            if (record.Get(name) != value)
            {
                record.Properties[name] = value;
                Publish(context, record, ChangeKind.PropertyChange, name, value);
            }
        }

        record.UpdatedAt = context.Now;
        record.Properties[record.Type.ModifiedProperty] = HubSpotTime.Format(context.Now);
        context.Store(record.Type).IndexEmail(record, previousEmail);
        return null;
    }

    public void Archive(WriteContext context, CrmRecord record)
    {
        if (record.Archived)
        {
            return;
        }

        TouchSearchIndex(context, record);
        record.Archived = true;
        record.ArchivedAt = context.Now;
        record.UpdatedAt = context.Now;
        context.Store(record.Type).IndexEmail(record, record.Get("email"));
        Publish(context, record, ChangeKind.Deletion);
    }

    /// <summary>
    /// HubSpot's GDPR delete: the record is archived (a deletion event goes out), loses its associations and its
    /// values, and no read, archived ones included, finds it again; it cannot be restored.
    /// </summary>
    public void Purge(WriteContext context, CrmRecord record)
    {
        Archive(context, record);
        foreach (var link in context.State.Associations.AllOf(record.Type, record.Id))
        {
            context.State.Associations.RemoveBetween(record.Type, record.Id, link.ToType, link.ToId);
        }

        foreach (var name in record.Properties.Keys.ToList())
        {
            record.Properties[name] = null;
        }

        record.SearchSnapshot = null;
        record.Purged = true;
    }

    /// <summary>Adds an association in both directions and reports it.</summary>
    public bool Associate(WriteContext context, CrmObjectType fromType, long fromId, CrmObjectType toType, long toId, AssociationKind kind)
    {
        if (!context.State.Associations.Add(fromType, fromId, toType, toId, kind))
        {
            return false;
        }

        PublishAssociation(context, fromType, fromId, toType, toId, kind, removed: false);
        return true;
    }

    public bool Dissociate(WriteContext context, CrmObjectType fromType, long fromId, CrmObjectType toType, long toId)
    {
        var kind = AssociationKinds.Default(fromType, toType);
        if (!context.State.Associations.RemoveBetween(fromType, fromId, toType, toId) || kind is null)
        {
            return false;
        }

        PublishAssociation(context, fromType, fromId, toType, toId, kind, removed: true);
        return true;
    }

    public void Publish(WriteContext context, CrmRecord record, ChangeKind kind, string? property = null, string? value = null, MergeDetail? merge = null) =>
        feed.Publish(new CrmChange(context.Portal.PortalId, record.Type, record.Id, kind, context.Now, property, value, Merge: merge));

    private void PublishAssociation(WriteContext context, CrmObjectType fromType, long fromId, CrmObjectType toType, long toId, AssociationKind kind, bool removed)
    {
        // HubSpot reports an association change from both sides.
        var isPrimary = kind.Label == "Primary";
        var forward = new AssociationChangeDetail($"{fromType.UpperSingular}_TO_{toType.UpperSingular}", fromId, toId, removed, isPrimary);
        var backward = new AssociationChangeDetail($"{toType.UpperSingular}_TO_{fromType.UpperSingular}", toId, fromId, removed, isPrimary);
        feed.Publish(new CrmChange(context.Portal.PortalId, fromType, fromId, ChangeKind.AssociationChange, context.Now, Association: forward));
        feed.Publish(new CrmChange(context.Portal.PortalId, toType, toId, ChangeKind.AssociationChange, context.Now, Association: backward));
    }

    // Search keeps serving what it had indexed until the visibility delay has passed since the last write.
    private void TouchSearchIndex(WriteContext context, CrmRecord record)
    {
        if (options.SearchVisibilityDelay <= TimeSpan.Zero)
        {
            return;
        }

        if (context.Now >= record.SearchVisibleAt)
        {
            record.SearchSnapshot = new Dictionary<string, string?>(record.Properties, StringComparer.Ordinal);
        }

        record.SearchVisibleAt = context.Now + options.SearchVisibilityDelay;
    }
}
