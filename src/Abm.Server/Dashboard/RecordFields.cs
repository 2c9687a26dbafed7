using Abm.Server.Features.HubSpotRecords;

namespace Abm.Server.Dashboard;

public enum RecordFieldInput
{
    Text,
    Email,
    Number,
    Date,
    Choice,
}

public sealed record FieldOption(string Value, string Label);

/// <summary>
/// One HubSpot property a record form edits: its internal name, the label people read, how it is typed in, and for a
/// choice its options given the values typed so far (a deal's stages depend on its pipeline).
/// </summary>
public sealed record RecordField(
    string Name, string Label, RecordFieldInput Input = RecordFieldInput.Text,
    Func<IReadOnlyDictionary<string, string?>, IReadOnlyList<FieldOption>>? Options = null)
{
    /// <summary>The value as the form shows it: a date's day only (HubSpot answers dates as moments).</summary>
    public string? Shown(string? value) =>
        Input == RecordFieldInput.Date && value is { Length: >= 10 } && DateOnly.TryParse(value[..10], System.Globalization.CultureInfo.InvariantCulture, out _) ? value[..10]
        : Input == RecordFieldInput.Date && value is { Length: > 0 } && value.All(char.IsAsciiDigit) && long.TryParse(value, out var epochMs)
            ? DateTimeOffset.FromUnixTimeMilliseconds(epochMs).UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)
        : value;
}

/// <summary>A column of a record list: its heading and the text of a record's cell.</summary>
public sealed record RecordColumn(string Title, string Field, Func<HubSpotRecordResponse, string?> Value);

/// <summary>What a record form sends: only what was typed on create, only what changed on edit (a cleared field clears the property).</summary>
internal static class RecordChanges
{
    public static Dictionary<string, string?> Of(IEnumerable<RecordField> fields, IReadOnlyDictionary<string, string?> typed, HubSpotRecordResponse? original)
    {
        var changes = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var field in fields)
        {
            var value = HubSpotWords.Blank(typed.GetValueOrDefault(field.Name));
            if (original is null)
            {
                if (value is not null)
                {
                    changes[field.Name] = value;
                }
            }
            else if (value != HubSpotWords.Blank(field.Shown(original.Properties.GetValueOrDefault(field.Name))))
            {
                changes[field.Name] = value;
            }
        }

        return changes;
    }
}
