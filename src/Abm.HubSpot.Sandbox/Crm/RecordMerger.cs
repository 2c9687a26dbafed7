using Abm.HubSpot.Sandbox.Http;
using Abm.HubSpot.Sandbox.Webhooks;

namespace Abm.HubSpot.Sandbox.Crm;

/// <summary>
/// Merges one record into another as HubSpot does: the primary keeps its values and fills its blanks
/// from the merged record, takes over its associations, and the merged record disappears.
/// </summary>
internal static class RecordMerger
{
    public static void Merge(RecordWriter writer, WriteContext context, CrmRecord primary, CrmRecord merged)
    {
        var store = context.Store(primary.Type);
        var previousEmail = primary.Get("email");
        merged.Archived = true;
        merged.ArchivedAt = context.Now;
        merged.UpdatedAt = context.Now;
        store.IndexEmail(merged, merged.Get("email"));

        var moved = 0;
        foreach (var (name, value) in merged.Properties)
        {
            if (!string.IsNullOrEmpty(value) && string.IsNullOrEmpty(primary.Get(name)))
            {
                primary.Properties[name] = value;
                moved++;
            }
        }

        foreach (var link in context.State.Associations.AllOf(merged.Type, merged.Id))
        {
            context.State.Associations.RemoveBetween(merged.Type, merged.Id, link.ToType, link.ToId);
            if (link.ToId != primary.Id)
            {
                writer.Associate(context, primary.Type, primary.Id, link.ToType, link.ToId, link.Kind);
            }
        }

        primary.UpdatedAt = context.Now;
        primary.Properties[primary.Type.ModifiedProperty] = HubSpotTime.Format(context.Now);
        store.IndexEmail(primary, previousEmail);
        writer.Publish(context, primary, ChangeKind.Merge, merge: new MergeDetail(primary.Id, [merged.Id], primary.Id, moved));
    }
}
