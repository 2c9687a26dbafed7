namespace Abm.HubSpot.Sandbox.Lists;

/// <summary>A list of records (lists v3). Mutated only under its portal's lock.</summary>
internal sealed class CrmList(long listId, string name, string objectTypeId, string processingType, DateTimeOffset createdAt)
{
    public long ListId { get; } = listId;

    public string Name { get; } = name;

    public string ObjectTypeId { get; } = objectTypeId;

    public string ProcessingType { get; } = processingType;

    public DateTimeOffset CreatedAt { get; } = createdAt;

    public DateTimeOffset UpdatedAt { get; set; } = createdAt;

    public int Version { get; set; } = 1;

    /// <summary>Members by record id with the time they joined, in joining order.</summary>
    public Dictionary<long, DateTimeOffset> Members { get; } = [];

    /// <summary>Only MANUAL and SNAPSHOT lists take membership edits; DYNAMIC lists follow their filters.</summary>
    public bool AcceptsManualMembership => ProcessingType is "MANUAL" or "SNAPSHOT";
}
