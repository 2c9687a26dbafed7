using System.Text.RegularExpressions;

namespace Abm.Server.Features.Tracking;

/// <summary>
/// Crawlers, link scanners (mail security gateways open every link in an email) and headless browsers
/// would inflate engagement; their requests are acknowledged and dropped.
/// </summary>
internal static partial class BotFilter
{
    public static bool IsBot(string? userAgent) => string.IsNullOrWhiteSpace(userAgent) || BotPattern().IsMatch(userAgent);

    [GeneratedRegex(@"bot|crawl|spider|slurp|preview|scan|headless|phantom|python-requests|curl|wget|httpclient|java/|go-http|facebookexternalhit|proofpoint|mimecast|barracuda", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BotPattern();
}
