namespace Abm.HubSpot.Sandbox.Persistence;

/// <summary>One row of a portal section in the data file: its key within the section and its JSON, or null to delete it.</summary>
internal sealed record SectionRow(string Section, long Key, string? Data);

/// <summary>A row as the data file gives it back, in key order within its section.</summary>
internal sealed record StoredRow(long Key, string Data);

/// <summary>
/// What one section hands the data file in one save. Large collections put the rows their unsaved keys name;
/// small ones put one document, which is written only when its text differs from the one last saved.
/// </summary>
internal sealed class SectionRows(string section, bool everything, IReadOnlyDictionary<string, string> savedDocuments, List<SectionRow> rows, Dictionary<string, string> documents)
{
    /// <summary>The first save of this portal state (or a retry after a failed save): every row, not only changes.</summary>
    public bool Everything => everything;

    public void Put(long key, string data) => rows.Add(new SectionRow(section, key, data));

    public void Delete(long key) => rows.Add(new SectionRow(section, key, null));

    /// <summary>The whole section as one row (key 0); serializing a small section costs less than tracking its changes.</summary>
    public void Document(string data)
    {
        documents[section] = data;
        if (everything || !string.Equals(savedDocuments.GetValueOrDefault(section), data, StringComparison.Ordinal))
        {
            Put(0, data);
        }
    }
}
