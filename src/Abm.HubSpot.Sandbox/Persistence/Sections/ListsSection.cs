using Abm.HubSpot.Sandbox.Lists;
using Abm.HubSpot.Sandbox.Portals;

namespace Abm.HubSpot.Sandbox.Persistence.Sections;

/// <summary>Lists with their members in joining order, and the next list id, one document.</summary>
internal sealed class ListsSection : IPortalSection
{
    public string Name => "lists";

    public void Save(PortalState state, SectionRows rows) => rows.Document(StoredJson.Write(new StoredLists(
        state.NextListId,
        state.Lists.Values.Select(l => new StoredList(
            l.ListId, l.Name, l.ObjectTypeId, l.ProcessingType, l.CreatedAt, l.UpdatedAt, l.Version,
            l.Members.Select(m => new StoredMember(m.Key, m.Value)).ToList())).ToList())));

    public void Load(PortalState state, IEnumerable<StoredRow> rows)
    {
        if (rows.FirstOrDefault() is not { } row)
        {
            return;
        }

        var stored = StoredJson.Read<StoredLists>(row.Data);
        state.NextListId = stored.NextListId;
        foreach (var saved in stored.Lists)
        {
            var list = new CrmList(saved.ListId, saved.Name, saved.ObjectTypeId, saved.ProcessingType, saved.CreatedAt)
            {
                UpdatedAt = saved.UpdatedAt,
                Version = saved.Version,
            };
            foreach (var member in saved.Members)
            {
                list.Members[member.RecordId] = member.JoinedAt;
            }

            state.Lists[list.ListId] = list;
        }
    }

    private sealed record StoredLists(long NextListId, List<StoredList> Lists);

    private sealed record StoredList(long ListId, string Name, string ObjectTypeId, string ProcessingType, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, int Version, List<StoredMember> Members);

    private sealed record StoredMember(long RecordId, DateTimeOffset JoinedAt);
}
