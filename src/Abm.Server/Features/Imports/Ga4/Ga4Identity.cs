using Abm.Server.Features.Nurture.Execution;
using Abm.Server.Features.Tracking;
using Microsoft.AspNetCore.WebUtilities;

namespace Abm.Server.Features.Imports.Ga4;

/// <summary>Who a row names: a contact's HubSpot id or email, as the event API takes them.</summary>
internal readonly record struct Ga4Identity(string? HubSpotId, string? Email);

/// <summary>Why a readable row was not matched to a contact; the report counts rows by these names.</summary>
internal static class Ga4Unmatched
{
    /// <summary>The row has neither a user_id nor an ABM tracking token, and its browser named no contact elsewhere in the import.</summary>
    public const string NoIdentity = "no_identity";

    /// <summary>The page URL carries a tracking token that is forged, of another workspace or was expired when the page was viewed.</summary>
    public const string InvalidToken = "invalid_token";

    /// <summary>The user_id or token names no contact of this workspace.</summary>
    public const string UnknownContact = "unknown_contact";

    /// <summary>The row's browser (user_pseudo_id) named more than one contact in the import, so it names none.</summary>
    public const string AmbiguousBrowser = "ambiguous_browser";

    /// <summary>The contact withdrew consent to tracking.</summary>
    public const string TrackingWithdrawn = "tracking_withdrawn";
}

/// <summary>
/// Reads who a row names, never guessing: ABM's tracking token in the page URL (checked against the time of the
/// event), else the site's GA4 <c>user_id</c> (an email when it holds an @, else a HubSpot contact id), else the
/// contact that the same browser (<c>user_pseudo_id</c>) named in another row of the import, when it named exactly one.
/// </summary>
internal sealed class Ga4IdentityReader(TrackingTokens tokens, Guid workspaceId)
{
    private readonly Dictionary<string, Ga4Identity?> _byBrowser = new(StringComparer.Ordinal);

    /// <summary>First pass: remembers which contact each browser named (null once it named two).</summary>
    public void Learn(Ga4Row row)
    {
        if (row.UserPseudoId is { Length: > 0 } browser && Direct(row).Identity is { } identity)
        {
            _byBrowser[browser] = _byBrowser.TryGetValue(browser, out var known) && known != identity ? null : identity;
        }
    }

    public (Ga4Identity? Identity, string? Unmatched) Read(Ga4Row row)
    {
        var direct = Direct(row);
        if (direct.Identity is not null || row.UserPseudoId is not { Length: > 0 } browser || !_byBrowser.TryGetValue(browser, out var stitched))
        {
            return direct;
        }

        return stitched is null ? (null, Ga4Unmatched.AmbiguousBrowser) : (stitched, null);
    }

    private (Ga4Identity? Identity, string? Unmatched) Direct(Ga4Row row)
    {
        var token = TokenIn(row.PageLocation);
        if (token is not null && tokens.TryReadAt(token, row.OccurredAt, out var tracked) && tracked.WorkspaceId == workspaceId)
        {
            return (new Ga4Identity(tracked.ContactHubSpotId, null), null);
        }

        if (row.UserId?.Trim() is { Length: > 0 } userId)
        {
            return (userId.Contains('@', StringComparison.Ordinal) ? new Ga4Identity(null, userId.ToLowerInvariant()) : new Ga4Identity(userId, null), null);
        }

        return (null, token is null ? Ga4Unmatched.NoIdentity : Ga4Unmatched.InvalidToken);
    }

    private static string? TokenIn(string? url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Query.Length == 0)
        {
            return null;
        }

        return QueryHelpers.ParseQuery(uri.Query).TryGetValue(ActionPerformer.TrackingParameter, out var values) && values.Count > 0 ? values[0] : null;
    }
}
