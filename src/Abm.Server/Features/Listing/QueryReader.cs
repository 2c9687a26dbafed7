using System.Globalization;
using Abm.Server.Errors;

namespace Abm.Server.Features.Listing;

/// <summary>
/// Reads a list request's query parameters, which arrive as text, into typed values and collects every problem
/// keyed by the parameter's name, so one 400 answer lists all of them instead of the first binding failure.
/// </summary>
internal sealed class QueryReader
{
    public const int MaxLimit = 1000;
    public const int DefaultLimit = 100;
    private const int MaxTextLength = 255;

    private readonly Dictionary<string, string[]> _errors = new(StringComparer.Ordinal);

    public bool HasErrors => _errors.Count > 0;

    public IDictionary<string, string[]> Errors => _errors;

    public void Fail(string parameter, string message) => _errors[parameter] = [message];

    public int Integer(string parameter, string? text, int fallback, int min, int max)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        Fail(parameter, $"{parameter} must be a whole number from {min} to {max}.");
        return fallback;
    }

    public double? Number(string parameter, string? text, double min, double max)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) && value >= min && value <= max)
        {
            return value;
        }

        Fail(parameter, string.Create(CultureInfo.InvariantCulture, $"{parameter} must be a number from {min} to {max}."));
        return null;
    }

    /// <summary>A lower and upper bound read together: each must be in range and the lower not above the upper.</summary>
    public (double? Min, double? Max) Range(string minName, string? minText, string maxName, string? maxText, double min, double max)
    {
        var (low, high) = (Number(minName, minText, min, max), Number(maxName, maxText, min, max));
        if (low > high)
        {
            Fail(minName, $"{minName} must not be greater than {maxName}.");
        }

        return (low, high);
    }

    /// <summary>Free text (a filter value): trimmed, at most 255 characters, no control characters; null when empty.</summary>
    public string? Text(string parameter, string? text)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        if (ControlCharacters.Problem(parameter, trimmed) is { } problem)
        {
            Fail(parameter, problem);
            return null;
        }

        if (trimmed.Length > MaxTextLength)
        {
            Fail(parameter, $"{parameter} must be at most {MaxTextLength} characters.");
            return null;
        }

        return trimmed;
    }

    /// <summary>One of a fixed set of names (case-insensitive), or the fallback when absent.</summary>
    public T Choice<T>(string parameter, string? text, IReadOnlyDictionary<string, T> choices, T fallback)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        if (choices.TryGetValue(text.Trim(), out var value))
        {
            return value;
        }

        Fail(parameter, $"{parameter} must be one of: {string.Join(", ", choices.Keys)}.");
        return fallback;
    }

    /// <summary>A name that must be one of the known values, kept as text (a stage, a persona); null when absent.</summary>
    public string? Known(string parameter, string? text, IReadOnlyCollection<string> known)
    {
        var value = Text(parameter, text);
        if (value is null)
        {
            return null;
        }

        var match = known.FirstOrDefault(k => string.Equals(k, value, StringComparison.OrdinalIgnoreCase));
        if (match is null)
        {
            Fail(parameter, $"{parameter} must be one of: {string.Join(", ", known)}.");
        }

        return match;
    }

    public Guid? Id(string parameter, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (Guid.TryParse(text.Trim(), out var id))
        {
            return id;
        }

        Fail(parameter, $"{parameter} must be an id (a GUID).");
        return null;
    }

    /// <summary>A moment in ISO 8601 with an offset or <c>Z</c> (<c>2026-12-01T00:00:00Z</c>), as UTC; null when absent.</summary>
    public DateTime? Moment(string parameter, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.None, out var value)
            && (text.Contains('Z', StringComparison.OrdinalIgnoreCase) || text.Contains('+', StringComparison.Ordinal) || text.LastIndexOf('-') > 9))
        {
            return value.UtcDateTime;
        }

        Fail(parameter, $"{parameter} must be a moment in ISO 8601 with its offset, e.g. 2026-12-01T00:00:00Z.");
        return null;
    }

    /// <summary>asc or desc; absent means the sort's natural direction.</summary>
    public bool Descending(string? order, bool naturalDescending) =>
        Choice("order", order, OrderNames, naturalDescending);

    private static readonly IReadOnlyDictionary<string, bool> OrderNames =
        new Dictionary<string, bool>(StringComparer.OrdinalIgnoreCase) { ["asc"] = false, ["desc"] = true };
}
