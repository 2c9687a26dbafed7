namespace Abm.Engines.Segments;

/// <summary>What segment tagging needs to know of one contact.</summary>
/// <param name="HubSpotUpdatedAt">HubSpot's <c>lastmodifieddate</c>; null when HubSpot never said.</param>
/// <param name="Properties">The contact's HubSpot properties as read (company, lifecyclestage, jobtitle, ...).</param>
public sealed record SegmentInput(DateTimeOffset? HubSpotUpdatedAt, IReadOnlyDictionary<string, string?> Properties);

/// <summary>
/// Tags contacts with the built-in segments and a workspace's own rules: <c>engaged</c> (changed in HubSpot in
/// the last 30 days), <c>cold</c> (no change for 90 days or more), <c>high_value</c> (lifecycle stage customer,
/// evangelist or opportunity), then every user rule that matches. Between 30 and 90 days a contact is neither
/// engaged nor cold. The result is sorted and free of duplicates, so equal inputs give equal tags.
/// </summary>
public static class ContactSegmenter
{
    public const string Engaged = "engaged";
    public const string Cold = "cold";
    public const string HighValue = "high_value";

    public static readonly TimeSpan EngagedWithin = TimeSpan.FromDays(30);
    public static readonly TimeSpan ColdAfter = TimeSpan.FromDays(90);

    private static readonly string[] HighValueStages = ["customer", "evangelist", "opportunity"];

    /// <summary>Segment names users may not define rules for, because the built-in rules own them.</summary>
    public static IReadOnlyList<string> BuiltIn { get; } = [Engaged, Cold, HighValue];

    public static IReadOnlyList<string> Tag(SegmentInput contact, IReadOnlyList<SegmentRule> rules, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(contact);
        ArgumentNullException.ThrowIfNull(rules);
        var segments = new SortedSet<string>(StringComparer.Ordinal);
        if (contact.HubSpotUpdatedAt is { } updated)
        {
            var quiet = now - updated;
            if (quiet <= EngagedWithin)
            {
                segments.Add(Engaged);
            }
            else if (quiet >= ColdAfter)
            {
                segments.Add(Cold);
            }
        }

        if (contact.Properties.TryGetValue("lifecyclestage", out var stage) && stage is not null
            && HighValueStages.Contains(stage.Trim(), StringComparer.OrdinalIgnoreCase))
        {
            segments.Add(HighValue);
        }

        foreach (var rule in rules)
        {
            if (rule.Matches(contact.Properties))
            {
                segments.Add(rule.Segment);
            }
        }

        return [.. segments];
    }
}
