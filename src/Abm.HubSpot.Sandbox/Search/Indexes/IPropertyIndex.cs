using Abm.HubSpot.Sandbox.Crm;

namespace Abm.HubSpot.Sandbox.Search.Indexes;

/// <summary>
/// An index over one property of the live (not archived) records of a store. It holds records by their
/// current values; search uses it only for records whose search view is their current values.
/// </summary>
internal interface IPropertyIndex
{
    /// <summary>Adds many records at once, when the index is first built.</summary>
    void Fill(IEnumerable<(CrmRecord Record, string Value)> values)
    {
        foreach (var (record, value) in values)
        {
            Add(record, value);
        }
    }

    /// <summary>Adds a record under a non-empty value.</summary>
    void Add(CrmRecord record, string value);

    /// <summary>Removes a record from under a non-empty value it was added with.</summary>
    void Remove(CrmRecord record, string value);
}
