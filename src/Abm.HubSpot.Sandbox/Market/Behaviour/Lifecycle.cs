using Abm.HubSpot.Sandbox.Crm;
using Abm.HubSpot.Sandbox.Properties;

namespace Abm.HubSpot.Sandbox.Market.Behaviour;

/// <summary>Contacts become leads by filling in forms and sales-qualified by meeting sales, companies customers by buying; the stage never moves back.</summary>
internal static class Lifecycle
{
    public static void MoveForward(RecordWriter writer, WriteContext context, CrmRecord record, string stage)
    {
        var stages = DefaultPropertyCatalog.LifecycleStages;
        if (Array.IndexOf(stages, record.Get("lifecyclestage")) < Array.IndexOf(stages, stage))
        {
            writer.Update(context, record, new Dictionary<string, string?> { ["lifecyclestage"] = stage });
        }
    }
}
