namespace Abm.Server.Features.Content;

/// <summary>
/// Tells which library item a link points at: host and path, ignoring scheme, case, a trailing slash, the query
/// (where tracking tokens and campaign parameters ride) and the fragment.
/// </summary>
internal static class ContentUrls
{
    /// <summary>The item-identifying part of <paramref name="url"/>, or null when it is not an absolute http(s) URL.</summary>
    public static string? Key(string? url) =>
        Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? $"{uri.Host}{uri.AbsolutePath.TrimEnd('/')}".ToLowerInvariant()
            : null;
}
