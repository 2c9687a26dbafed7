using System.Globalization;

namespace Abm.Server.Features.Listing;

/// <summary>A list's filters written back as the query string its API route reads (absent values left out).</summary>
internal static class ListQueryString
{
    public static string Of(params (string Name, string? Value)[] parts) =>
        QueryString.Create(parts.Where(p => p.Value is not null).Select(p => new KeyValuePair<string, string?>(p.Name, p.Value))).ToString();

    public static string? Number(double? value) => value?.ToString(CultureInfo.InvariantCulture);
}
