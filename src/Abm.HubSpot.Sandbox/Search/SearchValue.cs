using System.Globalization;
using Abm.HubSpot.Sandbox.Http;

namespace Abm.HubSpot.Sandbox.Search;

/// <summary>
/// A property value as search compares it: numbers numerically, dates by instant (ISO or epoch
/// milliseconds on either side), everything else as case-insensitive text.
/// </summary>
internal readonly record struct SearchValue(decimal? Number, long? EpochMs, string Text) : IComparable<SearchValue>
{
    public static SearchValue Of(string text)
    {
        if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            // An integer filter value may stand for epoch milliseconds against a date property.
            var epoch = number == decimal.Truncate(number) && Math.Abs(number) < 253402300799999m ? (long?)number : null;
            return new SearchValue(number, epoch, text);
        }

        return HubSpotTime.TryParse(text, out var time)
            ? new SearchValue(null, time.ToUnixTimeMilliseconds(), text)
            : new SearchValue(null, null, text);
    }

    /// <summary>Neither a number nor a date: compared as text.</summary>
    public bool IsText => Number is null && EpochMs is null;

    public int CompareTo(SearchValue other)
    {
        if (Number is { } a && other.Number is { } b)
        {
            return a.CompareTo(b);
        }

        if (EpochMs is { } x && other.EpochMs is { } y)
        {
            return x.CompareTo(y);
        }

        return string.Compare(Text, other.Text, StringComparison.OrdinalIgnoreCase);
    }
}
