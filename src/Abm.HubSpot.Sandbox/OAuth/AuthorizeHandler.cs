using System.Globalization;
using System.Net;
using System.Text;
using Abm.HubSpot.Sandbox.Auth;
using Abm.HubSpot.Sandbox.Hosting;
using Abm.HubSpot.Sandbox.Portals;
using Microsoft.AspNetCore.WebUtilities;

namespace Abm.HubSpot.Sandbox.OAuth;

/// <summary>
/// GET /oauth/authorize: the consent step. HubSpot asks the user to pick an account; the sandbox shows a
/// small page listing its portals, or approves at once when the sandbox-only <c>portalId</c> is given.
/// </summary>
internal static class AuthorizeHandler
{
    public static IResult Authorize(HttpRequest request, DeveloperApp app, PortalRegistry portals, OAuthTokenStore tokens)
    {
        var query = request.Query;
        var redirectUri = query["redirect_uri"].ToString();
        var state = query["state"].ToString();
        if (!string.Equals(query["client_id"], app.ClientId, StringComparison.Ordinal))
        {
            return Page(HttpStatusCode.BadRequest, "<p>Invalid client_id: no app with this client id is installed in this sandbox.</p>");
        }

        if (!Uri.TryCreate(redirectUri, UriKind.Absolute, out _))
        {
            return Page(HttpStatusCode.BadRequest, "<p>Invalid or missing redirect_uri.</p>");
        }

        var scopes = Split(query["scope"]);
        var unknown = scopes.Concat(Split(query["optional_scope"])).Where(s => !KnownScopes.All.Contains(s)).ToList();
        if (unknown.Count > 0 || scopes.Count == 0)
        {
            return Redirect(redirectUri, ("error", "invalid_scope"), ("error_description", unknown.Count > 0 ? $"Unknown scopes: {string.Join(' ', unknown)}" : "scope is required"), ("state", state));
        }

        if (!query.ContainsKey("portalId"))
        {
            return Picker(request, portals.All);
        }

        if (!long.TryParse(query["portalId"], NumberStyles.None, CultureInfo.InvariantCulture, out var portalId) || portals.Find(portalId) is not { } portal)
        {
            return Page(HttpStatusCode.BadRequest, "<p>Unknown portalId.</p>");
        }

        // Optional scopes are granted when the portal can grant them; in the sandbox it always can.
        var granted = scopes.Concat(Split(query["optional_scope"])).ToHashSet(StringComparer.Ordinal);
        var owner = portal.Read(s => s.Owners.FirstOrDefault());
        var grant = new OAuthGrant(portal.PortalId, granted, owner?.Email ?? "admin@sandbox.example.com", owner?.UserId ?? 1);
        var code = tokens.IssueCode(grant, redirectUri);
        return Redirect(redirectUri, ("code", code), ("state", state));
    }

    private static List<string> Split(string? scopes) =>
        (scopes ?? "").Split([' ', '+'], StringSplitOptions.RemoveEmptyEntries).ToList();

    private static IResult Redirect(string redirectUri, params (string Name, string Value)[] parameters)
    {
        var target = redirectUri;
        foreach (var (name, value) in parameters.Where(p => p.Value.Length > 0))
        {
            target = QueryHelpers.AddQueryString(target, name, value);
        }

        return Results.Redirect(target);
    }

    private static IResult Picker(HttpRequest request, IReadOnlyList<Portal> portals)
    {
        var html = new StringBuilder("<h1>Choose an account</h1><ul>");
        foreach (var portal in portals)
        {
            var link = QueryHelpers.AddQueryString(request.Path + request.QueryString, "portalId", portal.PortalId.ToString(CultureInfo.InvariantCulture));
            html.Append(CultureInfo.InvariantCulture, $"<li><a href=\"{WebUtility.HtmlEncode(link)}\">Portal {portal.PortalId} ({portal.Tier})</a></li>");
        }

        return Page(HttpStatusCode.OK, html.Append("</ul>").ToString());
    }

    private static IResult Page(HttpStatusCode status, string body) =>
        Results.Content($"<!DOCTYPE html><html><head><title>HubSpot sandbox - authorize</title></head><body>{body}</body></html>", "text/html", Encoding.UTF8, (int)status);
}
