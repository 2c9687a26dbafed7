using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Routing;

namespace Abm.Server.Tests;

/// <summary>
/// Every /api route against every kind of caller. The table must list every route the server maps
/// (a test checks that), so a new route cannot ship without its access rule being tested.
/// </summary>
public sealed class AuthorizationMatrixTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    /// <summary>Read: any role. Steering: admin, marketer, sales. Marketing: admin, marketer. Admin. Operator: the server-wide key.</summary>
    public enum Access { Read, Steering, Marketing, Admin, Operator }

    /// <summary>
    /// A route and its access rule. OwnedKind: what the route's {id} names that belongs to a workspace.
    /// HandlerStatus: what the handler answers an authorized caller when not 2xx (the matrix server has no HubSpot connection).
    /// </summary>
    public sealed record RouteCase(string Method, string Pattern, Access Minimum, string? OwnedKind, object? Body, int? HandlerStatus = null)
    {
        public override string ToString() => $"{Method} {Pattern}";
    }

    private static readonly object ContentBody = new { title = "Matrix guide", contentType = "whitepaper" };

    private static readonly object SequenceBody = new { name = "Matrix drip", steps = new[] { new { id = "only", type = "end" } } };

    private static readonly object ExperimentBody = new
    {
        key = "matrix", name = "Matrix experiment", arms = new[] { new { key = "control", source = "default" }, new { key = "current", source = "current" } },
    };

    private static readonly RouteCase[] Routes =
    [
        new("GET", "/api/workspaces/", Access.Admin, null, null),
        new("POST", "/api/workspaces/", Access.Operator, null, new { name = "Matrix" }),
        new("GET", "/api/workspaces/{id:guid}", Access.Admin, "workspace", null),
        new("PATCH", "/api/workspaces/{id:guid}", Access.Admin, "workspace", new { name = "Renamed" }),
        new("DELETE", "/api/workspaces/{id:guid}", Access.Operator, "workspace", null),
        new("GET", "/api/api-keys/", Access.Admin, null, null),
        new("GET", "/api/audit/", Access.Admin, null, null),
        new("POST", "/api/api-keys/", Access.Admin, null, new { name = "Matrix", role = "viewer" }),
        new("DELETE", "/api/api-keys/{id:guid}", Access.Admin, "api_key", null),
        new("GET", "/api/users/", Access.Admin, null, null),
        new("POST", "/api/users/", Access.Admin, null, new { email = "matrix@vendor.example", role = "viewer" }),
        new("PUT", "/api/users/{id:guid}/role", Access.Admin, "user", new { role = "sales" }),
        new("DELETE", "/api/users/{id:guid}", Access.Admin, "user", null),
        new("POST", "/api/events/", Access.Marketing, null, new { events = new[] { new { type = "email_open", occurredAt = "2026-01-01T00:00:00Z", contactEmail = "nobody@example.com" } } }),
        new("GET", "/api/content/", Access.Read, null, null),
        new("GET", "/api/content/{id:guid}", Access.Read, "content", null),
        new("POST", "/api/content/", Access.Marketing, null, ContentBody),
        new("PUT", "/api/content/{id:guid}", Access.Marketing, "content", ContentBody),
        new("DELETE", "/api/content/{id:guid}", Access.Marketing, "content", null),
        new("GET", "/api/contacts/{id:guid}/engagement", Access.Read, "contact", null),
        new("PUT", "/api/contacts/{id:guid}/journey-stage", Access.Marketing, "contact", new { stage = "vendor_evaluation" }),
        new("DELETE", "/api/contacts/{id:guid}/journey-stage", Access.Marketing, "contact", null),
        new("POST", "/api/contacts/{id}/erase", Access.Admin, "contact", null),
        new("GET", "/api/contacts/{id}/export", Access.Admin, "contact", null),
        new("GET", "/api/contacts/{id}/consent", Access.Admin, "contact", null),
        new("PUT", "/api/contacts/{id}/consent", Access.Admin, "contact", new { tracking = true }),
        new("GET", "/api/privacy/settings", Access.Admin, null, null),
        new("PUT", "/api/privacy/settings", Access.Admin, null, new { trackingRequiresConsent = false }),
        new("GET", "/api/contacts/{id:guid}/journey-stage/history", Access.Read, "contact", null),
        new("GET", "/api/contacts/{id:guid}/timeline", Access.Read, "contact", null),
        new("GET", "/api/accounts/{id:guid}/engagement", Access.Read, "company", null),
        new("GET", "/api/contacts/{id:guid}/recommendations", Access.Read, "contact", null),
        new("POST", "/api/contacts/{id:guid}/tracking-token", Access.Marketing, "contact", null),
        new("POST", "/api/hubspot/properties/provision", Access.Admin, null, null, HandlerStatus: 409),
        // Analytics and GA4 import (HubSpot marketing operations: analytics, website behaviour, connection management).
        new("GET", "/api/hubspot/analytics/deals", Access.Read, null, null),
        new("GET", "/api/hubspot/analytics/contacts", Access.Read, null, null),
        new("GET", "/api/hubspot/analytics/campaigns", Access.Read, null, null),
        new("POST", "/api/imports/ga4", Access.Marketing, null, new NdjsonBody("{\"event_name\":\"page_view\",\"event_timestamp\":\"1764000000000000\"}\n")),
        new("POST", "/api/connections/refresh", Access.Admin, null, null, HandlerStatus: 404),
        new("GET", "/api/connections/", Access.Read, null, null),
        // An invalid portal id: the handler is reached only past the access checks, and never calls HubSpot.
        new("POST", "/api/connections/", Access.Admin, null, new { accessToken = "pat-na1-matrix-token", portalId = "not-a-number" }, HandlerStatus: 400),
        new("GET", "/api/connections/oauth/start", Access.Admin, null, null, HandlerStatus: 409),
        new("DELETE", "/api/connections/", Access.Admin, null, null, HandlerStatus: 404),
        new("POST", "/api/sync/", Access.Marketing, null, new { sync_type = "full" }, HandlerStatus: 409),
        new("GET", "/api/sync/runs/{id:guid}", Access.Read, "sync_run", null),
        new("GET", "/api/sync/stats", Access.Read, null, null),
        new("GET", "/api/writeback/status", Access.Read, null, null),
        new("GET", "/api/webhooks/inbox/status", Access.Read, null, null),
        new("GET", "/api/alerts", Access.Operator, null, null),
        new("GET", "/api/demo", Access.Read, null, null),
        new("GET", "/api/contacts/", Access.Read, null, null),
        // Without hubspotId or email the handler is reached past the access checks and answers 400.
        new("GET", "/api/contacts/lookup", Access.Read, null, null, HandlerStatus: 400),
        new("GET", "/api/accounts/", Access.Read, null, null),
        new("GET", "/api/accounts/lookup", Access.Read, null, null, HandlerStatus: 400),
        new("GET", "/api/accounts/{id:guid}", Access.Read, "company", null),
        new("GET", "/api/contacts/{id:guid}/recommendations/feedback", Access.Read, "contact", null),
        new("GET", "/api/recommendations/weights", Access.Read, null, null),
        new("DELETE", "/api/recommendations/weights", Access.Admin, null, null),
        new("POST", "/api/recommendations/weight-fits", Access.Admin, null, new { }, HandlerStatus: 409),
        new("GET", "/api/recommendations/weight-fits", Access.Admin, null, null),
        new("GET", "/api/recommendations/weight-fits/{id:guid}", Access.Admin, null, null, HandlerStatus: 404),
        new("POST", "/api/recommendations/weight-fits/{id:guid}/approve", Access.Admin, null, null, HandlerStatus: 404),
        new("POST", "/api/recommendations/weight-fits/{id:guid}/reject", Access.Admin, null, null, HandlerStatus: 404),
        new("GET", "/api/experiments/", Access.Read, null, null),
        new("POST", "/api/experiments/", Access.Marketing, null, ExperimentBody),
        new("GET", "/api/experiments/{id:guid}", Access.Read, "experiment", null),
        new("PUT", "/api/experiments/{id:guid}", Access.Marketing, "experiment", ExperimentBody),
        new("DELETE", "/api/experiments/{id:guid}", Access.Marketing, "experiment", null),
        new("POST", "/api/experiments/{id:guid}/start", Access.Admin, "experiment", null),
        new("POST", "/api/experiments/{id:guid}/stop", Access.Admin, "experiment", null, HandlerStatus: 409),
        new("GET", "/api/experiments/{id:guid}/results", Access.Read, "experiment", null),
        new("PUT", "/api/contacts/{id:guid}/recommendations/{contentId:guid}/feedback", Access.Steering, "contact", new { verdict = "skipped" }, HandlerStatus: 404),
        new("DELETE", "/api/contacts/{id:guid}/recommendations/{contentId:guid}/feedback", Access.Steering, "contact", null, HandlerStatus: 404),
        new("GET", "/api/overview/", Access.Read, null, null),
        new("DELETE", "/api/contacts", Access.Admin, null, null),
        new("GET", "/api/segments/rules/", Access.Read, null, null),
        new("PUT", "/api/segments/rules/", Access.Admin, null, new { rules = new[] { new { segment = "chainge", property = "company", @operator = "contains", value = "chainge" } } }),
        new("POST", "/api/content/import", Access.Marketing, null, new CsvBody("title,content_type\nGuide,whitepaper\n")),
        new("POST", "/api/events/import", Access.Marketing, null, new CsvBody("type,occurred_at,contact_email\nemail_open,2026-01-01T00:00:00Z,nobody@example.com\n")),
        new("POST", "/api/engagement/recompute", Access.Marketing, null, null),
        new("GET", "/api/engagement/settings", Access.Read, null, null),
        new("PUT", "/api/engagement/settings", Access.Admin, null, new { halfLifeDays = 20 }),
        new("GET", "/api/nurture/schema", Access.Read, null, null),
        new("GET", "/api/nurture/templates", Access.Read, null, null),
        // The literal "{key}" names no template: the handler is reached past the access checks and answers 404.
        new("POST", "/api/nurture/templates/{key}", Access.Marketing, null, null, HandlerStatus: 404),
        new("GET", "/api/nurture/sequences/", Access.Read, null, null),
        new("POST", "/api/nurture/sequences/", Access.Marketing, null, SequenceBody),
        new("POST", "/api/nurture/sequences/validate", Access.Read, null, SequenceBody),
        new("GET", "/api/nurture/sequences/{id:guid}", Access.Read, "sequence", null),
        new("PUT", "/api/nurture/sequences/{id:guid}", Access.Marketing, "sequence", SequenceBody),
        new("DELETE", "/api/nurture/sequences/{id:guid}", Access.Marketing, "sequence", null),
        new("POST", "/api/nurture/sequences/{id:guid}/activate", Access.Marketing, "sequence", null),
        // A new sequence is a draft, which cannot be paused.
        new("POST", "/api/nurture/sequences/{id:guid}/pause", Access.Marketing, "sequence", null, HandlerStatus: 409),
        new("GET", "/api/nurture/sequences/{id:guid}/versions", Access.Read, "sequence", null),
        new("POST", "/api/nurture/sequences/{id:guid}/migrate", Access.Marketing, "sequence", new { }),
        // No contact has the empty id: the handler answers 404 once the sequence is found.
        new("POST", "/api/nurture/sequences/{id:guid}/dry-run", Access.Read, "sequence", new { contactId = Guid.Empty }, HandlerStatus: 404),
        new("GET", "/api/nurture/guardrails", Access.Read, null, null),
        new("GET", "/api/nurture/sequences/{id:guid}/stats", Access.Read, "sequence", null),
        new("PUT", "/api/nurture/guardrails", Access.Admin, null, new { maxTouchesPerContactPerWeek = 3, maxTouchesPerAccountPerDay = 3, respectQuietHours = true, quietStart = "20:00", quietEnd = "08:00", skipWeekends = true }),
        new("GET", "/api/nurture/settings", Access.Read, null, null),
        new("PUT", "/api/nurture/settings", Access.Admin, null, new { transactionalEmailId = 4242 }),
        new("GET", "/api/nurture/enrollments/", Access.Read, null, null),
        new("POST", "/api/nurture/enrollments/", Access.Marketing, null, new { sequenceId = Guid.Empty, contactId = Guid.Empty }, HandlerStatus: 404),
        new("DELETE", "/api/nurture/enrollments/{id:guid}", Access.Marketing, "enrollment", null),
        new("GET", "/api/contacts/{id:guid}/nurture", Access.Read, "contact", null),
        new("GET", "/api/icp/", Access.Read, null, null),
        new("PUT", "/api/icp/", Access.Marketing, null, new { criteria = new[] { new { name = "Matrix", industries = new[] { "technology" } } } }),
        new("POST", "/api/icp/import", Access.Marketing, null, new CsvBody("name,industry\nMatrix,technology\n")),
        new("GET", "/api/leads/", Access.Read, null, null),
        new("GET", "/api/leads/{id:guid}", Access.Read, "contact", null),
        new("GET", "/api/leads/{id:guid}/audit", Access.Admin, "contact", null),
        new("POST", "/api/leads/{id:guid}/score", Access.Marketing, "contact", null),
        new("POST", "/api/leads/score", Access.Marketing, null, new { all = true }),
        new("GET", "/api/ai/status", Access.Read, null, null),
        // HubSpot records and pipelines. Lists read the local copy (200 without a connection); the other routes need the
        // portal (409: the matrix server has none) or first refuse the matrix's GUID as a HubSpot record id (400).
        new("GET", "/api/hubspot/contacts/", Access.Read, null, null),
        new("GET", "/api/hubspot/contacts/{id}", Access.Read, null, null, HandlerStatus: 400),
        new("POST", "/api/hubspot/contacts/", Access.Marketing, null, new { properties = new { email = "matrix@example.com" } }, HandlerStatus: 409),
        new("PATCH", "/api/hubspot/contacts/{id}", Access.Marketing, null, new { properties = new { firstname = "Matrix" } }, HandlerStatus: 400),
        new("DELETE", "/api/hubspot/contacts/{id}", Access.Marketing, null, null, HandlerStatus: 400),
        new("GET", "/api/hubspot/companies/", Access.Read, null, null),
        new("GET", "/api/hubspot/companies/{id}", Access.Read, null, null, HandlerStatus: 400),
        new("POST", "/api/hubspot/companies/", Access.Marketing, null, new { properties = new { name = "Matrix Ltd" } }, HandlerStatus: 409),
        new("PATCH", "/api/hubspot/companies/{id}", Access.Marketing, null, new { properties = new { name = "Matrix plc" } }, HandlerStatus: 400),
        new("DELETE", "/api/hubspot/companies/{id}", Access.Marketing, null, null, HandlerStatus: 400),
        new("GET", "/api/hubspot/deals/", Access.Read, null, null),
        new("GET", "/api/hubspot/deals/{id}", Access.Read, null, null, HandlerStatus: 400),
        new("POST", "/api/hubspot/deals/", Access.Steering, null, new { properties = new { dealname = "Matrix", pipeline = "default", dealstage = "closedwon" } }, HandlerStatus: 409),
        new("PATCH", "/api/hubspot/deals/{id}", Access.Steering, null, new { properties = new { dealstage = "closedlost" } }, HandlerStatus: 400),
        new("DELETE", "/api/hubspot/deals/{id}", Access.Steering, null, null, HandlerStatus: 400),
        new("GET", "/api/hubspot/pipelines/", Access.Read, null, null, HandlerStatus: 409),
        new("GET", "/api/hubspot/pipelines/{id}/stages", Access.Read, null, null, HandlerStatus: 409),
        // HubSpot lists, campaigns and email: the matrix server has no HubSpot connection (409); a list id that is a guid is refused first (400).
        new("GET", "/api/hubspot/lists/", Access.Read, null, null, HandlerStatus: 409),
        new("POST", "/api/hubspot/lists/", Access.Marketing, null, new { name = "Matrix list" }, HandlerStatus: 409),
        new("PUT", "/api/hubspot/lists/{id}/memberships/add", Access.Marketing, null, new { contactIds = new[] { Guid.Empty } }, HandlerStatus: 400),
        new("PUT", "/api/hubspot/lists/{id}/memberships/remove", Access.Marketing, null, new { contactIds = new[] { Guid.Empty } }, HandlerStatus: 400),
        new("GET", "/api/hubspot/lists/{id}/memberships", Access.Read, null, null, HandlerStatus: 400),
        new("GET", "/api/hubspot/campaigns/", Access.Read, null, null, HandlerStatus: 409),
        new("POST", "/api/hubspot/campaigns/", Access.Marketing, null, new { name = "Matrix campaign" }, HandlerStatus: 409),
        new("GET", "/api/hubspot/campaigns/{id}", Access.Read, null, null, HandlerStatus: 409),
        new("GET", "/api/hubspot/campaigns/{id}/assets", Access.Read, null, null, HandlerStatus: 409),
        new("GET", "/api/hubspot/campaigns/{id}/performance", Access.Read, null, null, HandlerStatus: 409),
        new("GET", "/api/hubspot/email/templates", Access.Read, null, null, HandlerStatus: 409),
        new("POST", "/api/hubspot/email/sends", Access.Marketing, null, new { emailId = "710001", listId = "1" }, HandlerStatus: 409),
        new("GET", "/api/hubspot/email/sends", Access.Read, null, null),
        new("GET", "/api/hubspot/email/sends/{id:guid}", Access.Read, null, null, HandlerStatus: 404),
    ];

    /// <summary>A request body sent as a CSV file rather than JSON.</summary>
    public sealed record CsvBody(string Text);

    public sealed record NdjsonBody(string Text);

    public static TheoryData<RouteCase> AllRoutes() => [.. Routes];

    private AbmServerFactory Server => fixture.Factory;

    [Fact]
    public void RouteTable_ComparedWithMappedEndpoints_CoversEveryApiRoute()
    {
        var mapped = Server.Service<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["ANY"])
                .Select(m => $"{m} {e.RoutePattern.RawText}"))
            .Order().ToList();

        mapped.ShouldBe(Routes.Select(r => r.ToString()).Order().ToList());
    }

    [Theory]
    [MemberData(nameof(AllRoutes))]
    public async Task Route_NoKeyUnknownKeyOrRevokedKey_Returns401(RouteCase route)
    {
        var (revokedId, revoked) = await Server.CreateKeyAsync("admin");
        (await Server.OperatorClient().DeleteAsync($"/api/api-keys/{revokedId}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        foreach (var client in new[] { Server.CreateClient(), Server.ClientWithKey("abm_000000000000_not-a-real-key"), Server.ClientWithKey(revoked) })
        {
            var response = await SendAsync(client, route, Guid.NewGuid());
            response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized, route.ToString());
            response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        }
    }

    [Theory]
    [MemberData(nameof(AllRoutes))]
    public async Task Route_RoleBelowMinimum_Returns403(RouteCase route)
    {
        var denied = route.Minimum switch
        {
            Access.Operator => new[] { "admin", "marketer", "sales", "viewer" },
            Access.Admin => ["marketer", "sales", "viewer"],
            Access.Marketing => ["sales", "viewer"],
            Access.Steering => ["viewer"],
            _ => [],
        };
        foreach (var role in denied)
        {
            var (_, key) = await Server.CreateKeyAsync(role);
            var response = await SendAsync(Server.ClientWithKey(key), route, Guid.NewGuid());
            response.StatusCode.ShouldBe(HttpStatusCode.Forbidden, $"{route} as {role}");
        }
    }

    [Theory]
    [MemberData(nameof(AllRoutes))]
    public async Task Route_AdminOfAnotherWorkspace_Returns404ForItsRows(RouteCase route)
    {
        if (route.OwnedKind is null || route.Minimum == Access.Operator)
        {
            return; // nothing of another workspace is named, or only the operator may call it (covered by 403 above)
        }

        var other = await Server.CreateWorkspaceAsync($"Other {Guid.NewGuid():N}");
        var otherId = await CreateOwnedAsync(route.OwnedKind, other);
        var (_, adminOfDefault) = await Server.CreateKeyAsync("admin");

        var response = await SendAsync(Server.ClientWithKey(adminOfDefault), route, otherId);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound, route.ToString());
    }

    [Theory]
    [MemberData(nameof(AllRoutes))]
    public async Task Route_CallerWithMinimumAccessOnOwnRows_Succeeds(RouteCase route)
    {
        var workspace = await Server.CreateWorkspaceAsync($"Own {Guid.NewGuid():N}");
        var ownId = await CreateOwnedAsync(route.OwnedKind, workspace);
        var client = route.Minimum switch
        {
            Access.Operator => Server.OperatorClient(workspace),
            Access.Admin => Server.ClientWithKey((await Server.CreateKeyAsync("admin", workspace)).Key),
            Access.Marketing => Server.ClientWithKey((await Server.CreateKeyAsync("marketer", workspace)).Key),
            Access.Steering => Server.ClientWithKey((await Server.CreateKeyAsync("sales", workspace)).Key),
            _ => Server.ClientWithKey((await Server.CreateKeyAsync("viewer", workspace)).Key),
        };

        var response = await SendAsync(client, route, ownId);

        if (route.HandlerStatus is { } expected)
        {
            ((int)response.StatusCode).ShouldBe(expected, $"{route}: {await response.Content.ReadAsStringAsync()}");
        }
        else
        {
            ((int)response.StatusCode).ShouldBeInRange(200, 299, $"{route}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    [Fact]
    public async Task OperatorKey_NamesUnknownWorkspace_Returns404()
    {
        var response = await Server.OperatorClient(Guid.NewGuid()).GetAsync("/api/api-keys");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).ShouldContain("X-Workspace-Id");
    }

    private async Task<Guid> CreateOwnedAsync(string? kind, Guid workspace)
    {
        switch (kind)
        {
            case "workspace":
                return workspace;
            case "api_key":
                return (await Server.CreateKeyAsync("viewer", workspace)).Id;
            case "user":
                var user = await Server.OperatorClient(workspace).PostAsJsonAsync("/api/users", new { email = $"matrix-{Guid.NewGuid():N}@vendor.example", role = "viewer" });
                user.EnsureSuccessStatusCode();
                return (await user.Content.ReadFromJsonAsync<AbmServerFactory.IdOnly>())!.Id;
            case "content":
                var response = await Server.OperatorClient(workspace).PostAsJsonAsync("/api/content", ContentBody);
                response.EnsureSuccessStatusCode();
                return (await response.Content.ReadFromJsonAsync<AbmServerFactory.IdOnly>())!.Id;
            case "contact":
                return (await Server.SeedContactAsync(workspace)).Id;
            case "company":
                return (await Server.SeedCompanyAsync(workspace)).Id;
            case "sequence":
                var created = await Server.OperatorClient(workspace).PostAsJsonAsync("/api/nurture/sequences", SequenceBody);
                created.EnsureSuccessStatusCode();
                return (await created.Content.ReadFromJsonAsync<AbmServerFactory.IdOnly>())!.Id;
            case "enrollment":
                var sequenceId = await CreateOwnedAsync("sequence", workspace);
                var contact = await Server.SeedContactAsync(workspace);
                await using (var database = Server.OpenDatabase())
                {
                    var enrollment = new Abm.Data.Entities.NurtureEnrollment { Id = Guid.CreateVersion7(), WorkspaceId = workspace, ContactId = contact.Id, SequenceId = sequenceId, EnrolledAt = DateTime.UnixEpoch };
                    database.NurtureEnrollments.Add(enrollment);
                    await database.SaveChangesAsync();
                    return enrollment.Id;
                }

            case "experiment":
                var experiment = await Server.OperatorClient(workspace).PostAsJsonAsync("/api/experiments", ExperimentBody);
                experiment.EnsureSuccessStatusCode();
                return (await experiment.Content.ReadFromJsonAsync<AbmServerFactory.IdOnly>())!.Id;
            case "sync_run":
                await using (var database = Server.OpenDatabase())
                {
                    var run = new Abm.Data.Entities.SyncRun { Id = Guid.CreateVersion7(), WorkspaceId = workspace, Kind = "full", Trigger = "api", StartedAt = DateTime.UnixEpoch };
                    database.SyncRuns.Add(run);
                    await database.SaveChangesAsync();
                    return run.Id;
                }

            default:
                return Guid.Empty;
        }
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, RouteCase route, Guid id)
    {
        // A second id in the path names an item no workspace has: the handler answers 404 once access is granted.
        var path = route.Pattern.Replace("{id:guid}", id.ToString(), StringComparison.Ordinal).Replace("{id}", id.ToString(), StringComparison.Ordinal).Replace("{contentId:guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal);
        var request = new HttpRequestMessage(new HttpMethod(route.Method), path);
        request.Content = route.Body switch
        {
            null => null,
            CsvBody csv => new StringContent(csv.Text, System.Text.Encoding.UTF8, "text/csv"),
            NdjsonBody ndjson => new StringContent(ndjson.Text, System.Text.Encoding.UTF8, "application/x-ndjson"),
            var body => JsonContent.Create(body),
        };

        return client.SendAsync(request);
    }
}
