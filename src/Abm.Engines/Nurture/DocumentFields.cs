using System.Globalization;
using System.Text.Json;

namespace Abm.Engines.Nurture;

/// <summary>
/// Reads the fields of one JSON object of a sequence document, recording each problem at its path instead of
/// stopping at the first, so an author sees everything to fix at once.
/// </summary>
/// <remarks>An explicit null is a wrong value, not an absent field, as the published JSON Schema says.</remarks>
internal sealed class DocumentFields(JsonElement element, string path, List<SequenceProblem> problems)
{
    public string Path { get; } = path;

    public List<SequenceProblem> Problems { get; } = problems;

    public static DocumentFields? Object(JsonElement element, string path, List<SequenceProblem> problems)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            return new DocumentFields(element, path, problems);
        }

        problems.Add(new SequenceProblem(path, "must be an object."));
        return null;
    }

    public string At(string name) => $"{Path}.{name}";

    public void Problem(string name, string message) => Problems.Add(new SequenceProblem(At(name), message));

    public bool Has(string name) => element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null;

    public string? String(string name, bool required, int maxLength = 200)
    {
        if (!element.TryGetProperty(name, out var value))
        {
            if (required)
            {
                Problem(name, "is required.");
            }

            return null;
        }

        if (value.ValueKind != JsonValueKind.String || value.GetString() is not { } text || text.Trim().Length == 0)
        {
            Problem(name, "must be a non-empty string.");
            return null;
        }

        if (text.Length > maxLength)
        {
            Problem(name, $"must be at most {maxLength} characters.");
            return null;
        }

        return text.Trim();
    }

    public double? Number(string name, bool required, double min, double max)
    {
        if (!element.TryGetProperty(name, out var value))
        {
            if (required)
            {
                Problem(name, "is required.");
            }

            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var number) || !double.IsFinite(number) || number < min || number > max)
        {
            Problem(name, string.Create(CultureInfo.InvariantCulture, $"must be a number from {min} to {max}."));
            return null;
        }

        return number;
    }

    public int? Integer(string name, bool required, int min, int max)
    {
        var number = Number(name, required, min, max);
        if (number is { } value && value != Math.Floor(value))
        {
            Problem(name, "must be a whole number.");
            return null;
        }

        return (int?)number;
    }

    public bool? Boolean(string name)
    {
        if (!element.TryGetProperty(name, out var value))
        {
            return null;
        }

        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetBoolean();
        }

        Problem(name, "must be true or false.");
        return null;
    }

    /// <summary>A string naming a member of a closed set, parsed by <paramref name="parse"/>.</summary>
    public T? Choice<T>(string name, bool required, WireNameParser<T> parse, string expected) where T : struct
    {
        var text = String(name, required);
        if (text is null)
        {
            return null;
        }

        if (parse(text, out var value))
        {
            return value;
        }

        Problem(name, $"'{text}' is not one of: {expected}.");
        return null;
    }

    /// <summary>An array of choices; null when absent, empty when given empty.</summary>
    public List<T>? Choices<T>(string name, WireNameParser<T> parse, string expected) where T : struct
    {
        if (Array(name) is not { } items)
        {
            return null;
        }

        var values = new List<T>();
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i].ValueKind == JsonValueKind.String && parse(items[i].GetString(), out var value))
            {
                values.Add(value);
            }
            else
            {
                Problems.Add(new SequenceProblem($"{At(name)}[{i}]", $"must be one of: {expected}."));
            }
        }

        return values;
    }

    public List<JsonElement>? Array(string name, bool required = false)
    {
        if (!element.TryGetProperty(name, out var value))
        {
            if (required)
            {
                Problem(name, "is required.");
            }

            return null;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            Problem(name, "must be an array.");
            return null;
        }

        return [.. value.EnumerateArray()];
    }

    public DocumentFields? Child(string name, bool required)
    {
        if (!element.TryGetProperty(name, out var value))
        {
            if (required)
            {
                Problem(name, "is required.");
            }

            return null;
        }

        return Object(value, At(name), Problems);
    }
}

/// <summary>The shape of the WireNames parsers, so any of them can read a choice.</summary>
internal delegate bool WireNameParser<T>(string? text, out T value);
