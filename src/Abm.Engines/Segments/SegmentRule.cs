namespace Abm.Engines.Segments;

/// <summary>How a user-defined segment rule compares a contact property with its value.</summary>
public enum SegmentOperator
{
    Contains,
    Equals,
    StartsWith,
    EndsWith,
    IsKnown,
}

/// <summary>
/// A user-defined segment: contacts whose <paramref name="Property"/> (a HubSpot contact property such as
/// <c>company</c>, <c>jobtitle</c> or <c>country</c>) matches <paramref name="Value"/> carry <paramref name="Segment"/>.
/// Comparisons ignore case and surrounding spaces; <see cref="SegmentOperator.IsKnown"/> needs no value.
/// </summary>
public sealed record SegmentRule(string Segment, string Property, SegmentOperator Operator, string? Value = null)
{
    public bool Matches(IReadOnlyDictionary<string, string?> properties)
    {
        ArgumentNullException.ThrowIfNull(properties);
        var actual = properties.TryGetValue(Property, out var raw) ? raw?.Trim() : null;
        if (string.IsNullOrEmpty(actual))
        {
            return false;
        }

        var expected = Value?.Trim() ?? "";
        return Operator switch
        {
            SegmentOperator.Contains => actual.Contains(expected, StringComparison.OrdinalIgnoreCase),
            SegmentOperator.Equals => actual.Equals(expected, StringComparison.OrdinalIgnoreCase),
            SegmentOperator.StartsWith => actual.StartsWith(expected, StringComparison.OrdinalIgnoreCase),
            SegmentOperator.EndsWith => actual.EndsWith(expected, StringComparison.OrdinalIgnoreCase),
            SegmentOperator.IsKnown => true,
            _ => false,
        };
    }
}
