namespace Abm.HubSpot.Sandbox.Crm;

/// <summary>What a read asks for: properties, associated object types, archived records, the id property.</summary>
internal sealed record ReadOptions(IReadOnlyList<string>? Properties, IReadOnlyList<CrmObjectType> Associations, bool Archived, string? IdProperty)
{
    public static ReadOptions FromQuery(IQueryCollection query) => new(
        query.ContainsKey("properties") ? SplitList(query["properties"]) : null,
        SplitList(query["associations"]).Select(CrmObjectTypes.Find).OfType<CrmObjectType>().ToList(),
        string.Equals(query["archived"], "true", StringComparison.OrdinalIgnoreCase),
        query["idProperty"].ToString() is { Length: > 0 } idProperty ? idProperty : null);

    /// <summary>Accepts both repeated parameters and comma-separated values, as HubSpot does.</summary>
    public static IReadOnlyList<string> SplitList(IEnumerable<string?> values) =>
        values.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
}
