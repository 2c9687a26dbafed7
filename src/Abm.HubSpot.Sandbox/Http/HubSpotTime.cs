using System.Globalization;

namespace Abm.HubSpot.Sandbox.Http;

/// <summary>HubSpot's timestamp formats: ISO 8601 with milliseconds in UTC, or epoch milliseconds on input.</summary>
internal static class HubSpotTime
{
    // Written digit by digit: every record of a page shows two or three of these, and a format string is parsed each time.
    public static string Format(DateTimeOffset time) => string.Create(24, time.UtcDateTime, static (text, utc) =>
    {
        Digits(text[..4], utc.Year);
        text[4] = '-';
        Digits(text.Slice(5, 2), utc.Month);
        text[7] = '-';
        Digits(text.Slice(8, 2), utc.Day);
        text[10] = 'T';
        Digits(text.Slice(11, 2), utc.Hour);
        text[13] = ':';
        Digits(text.Slice(14, 2), utc.Minute);
        text[16] = ':';
        Digits(text.Slice(17, 2), utc.Second);
        text[19] = '.';
        Digits(text.Slice(20, 3), utc.Millisecond);
        text[23] = 'Z';
    });

    public static string FormatDate(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static bool TryParse(string? value, out DateTimeOffset time)
    {
        time = default;
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        if (TryParseCanonical(value, out time))
        {
            return true;
        }

        if (long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var epochMs))
        {
            if (epochMs < -62135596800000 || epochMs > 253402300799999)
            {
                return false;
            }

            time = DateTimeOffset.FromUnixTimeMilliseconds(epochMs);
            return true;
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out time);
    }

    // Stored values use one fixed format; reading it digit by digit keeps search over large portals fast.
    private static bool TryParseCanonical(string value, out DateTimeOffset time)
    {
        time = default;
        var full = value.Length == 24 && value[10] == 'T' && value[19] == '.' && value[23] == 'Z';
        if ((!full && value.Length != 10) || value[4] != '-' || value[7] != '-')
        {
            return false;
        }

        if (!Digits(value, 0, 4, out var year) || !Digits(value, 5, 2, out var month) || !Digits(value, 8, 2, out var day)
            || year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        int hour = 0, minute = 0, second = 0, millisecond = 0;
        if (full && (value[13] != ':' || value[16] != ':' || !Digits(value, 11, 2, out hour) || !Digits(value, 14, 2, out minute)
            || !Digits(value, 17, 2, out second) || !Digits(value, 20, 3, out millisecond) || hour > 23 || minute > 59 || second > 59))
        {
            return false;
        }

        time = new DateTimeOffset(year, month, day, hour, minute, second, millisecond, TimeSpan.Zero);
        return true;
    }

    private static void Digits(Span<char> into, int number)
    {
        for (var i = into.Length - 1; i >= 0; i--)
        {
            into[i] = (char)('0' + (number % 10));
            number /= 10;
        }
    }

    private static bool Digits(string value, int start, int length, out int number)
    {
        number = 0;
        for (var i = start; i < start + length; i++)
        {
            if (!char.IsAsciiDigit(value[i]))
            {
                return false;
            }

            number = (number * 10) + (value[i] - '0');
        }

        return true;
    }
}
