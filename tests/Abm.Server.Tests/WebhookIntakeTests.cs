using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Abm.HubSpot.Webhooks;
using Abm.Server.Features.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Tests;

public sealed class WebhookIntakeFixture : IAsyncLifetime
{
    public const string Secret = "intake-test-client-secret";
    public const string PublicBaseUrl = "https://abm.example.com";

    public AbmServerFactory Factory { get; private set; } = null!;

    public async Task InitializeAsync() => Factory = await AbmServerFactory.StartAsync(new()
    {
        ["HUBSPOT_CLIENT_SECRET"] = Secret,
        ["PUBLIC_BASE_URL"] = PublicBaseUrl,
    });

    public async Task DisposeAsync() => await Factory.DisposeAsync();
}

/// <summary>The receiver: only requests signed by HubSpot recently are stored, and nothing else is.</summary>
public sealed class WebhookIntakeTests(WebhookIntakeFixture fixture) : IClassFixture<WebhookIntakeFixture>
{
    private const string SignedUri = WebhookIntakeFixture.PublicBaseUrl + WebhookEndpoints.Route;

    private AbmServerFactory Server => fixture.Factory;

    public static TheoryData<string> Tampered() => ["forged", "stale", "future", "unsigned", "other-uri", "body-altered", "bad-timestamp", "v1-not-accepted"];

    [Fact]
    public async Task Receive_ValidV3Signature_Returns200AndStoresTheBatchAsSent()
    {
        var objectId = UniqueId();
        var body = Batch(("contact.creation", "990000001", objectId));

        var response = await Server.CreateClient().SendAsync(Signed(body, Now()));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var stored = await StoredWithAsync(objectId);
        stored.Count.ShouldBe(1);
        System.Text.Json.JsonDocument.Parse(stored[0].Payload).RootElement[0].GetProperty("objectId").GetInt64().ToString(CultureInfo.InvariantCulture).ShouldBe(objectId);
    }

    [Theory]
    [MemberData(nameof(Tampered))]
    public async Task Receive_NotProvablyFromHubSpot_Returns401AndStoresNothing(string tampering)
    {
        var body = Batch(("contact.creation", "990000001", UniqueId()));
        var request = tampering switch
        {
            "forged" => Signed(body, Now(), secret: "not-the-secret"),
            "stale" => Signed(body, Now() - TimeSpan.FromMinutes(6)),
            "future" => Signed(body, Now() + TimeSpan.FromMinutes(6)),
            "unsigned" => new HttpRequestMessage(HttpMethod.Post, WebhookEndpoints.Route) { Content = Json(body) },
            "other-uri" => Signed(body, Now(), uri: "http://localhost" + WebhookEndpoints.Route),
            "body-altered" => Signed(body, Now(), sentBody: body.Replace("990000001", "990000002", StringComparison.Ordinal)),
            "bad-timestamp" => Signed(body, Now(), timestampHeader: "yesterday"),
            _ => V1Signed(body),
        };
        var before = await InboxCountAsync();

        var response = await Server.CreateClient().SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized, tampering);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        (await InboxCountAsync()).ShouldBe(before, tampering);
    }

    [Theory]
    [InlineData("\\u0000")]
    [InlineData("\\ud800")]
    public async Task Receive_SignedBodyWithTextJsonbCannotStore_Returns400AndStoresNothing(string escape)
    {
        var objectId = UniqueId();
        var body = $$"""[{"portalId":990000001,"objectId":{{objectId}},"subscriptionType":"contact.creation","occurredAt":1,"propertyValue":"a{{escape}}b"}]""";

        var response = await Server.CreateClient().SendAsync(Signed(body, Now()));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
        (await StoredWithAsync(objectId)).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("\"yesterday\"")]
    [InlineData("null")]
    [InlineData("{\"ms\":1}")]
    [InlineData("1e400")]
    [InlineData("-5")]
    public async Task Receive_SignedEventWithOccurredAtNotATime_CountsItUnreadableAndStoresTheBatch(string occurredAt)
    {
        var objectId = UniqueId();
        var body = $$"""[{"portalId":990000001,"objectId":{{objectId}},"subscriptionType":"contact.creation","occurredAt":{{occurredAt}}}]""";

        var response = await Server.CreateClient().SendAsync(Signed(body, Now()));

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        WebhookEvent.TryParseBatch(Encoding.UTF8.GetBytes(body), out var events, out var unreadable, out _).ShouldBeTrue();
        (events.Count, unreadable).ShouldBe((0, 1));
    }

    [Theory]
    [InlineData("[{\"objectId\":1,")]
    [InlineData("{\"objectId\":1}")]
    [InlineData("")]
    public async Task Receive_ValidSignatureOnBodyThatIsNotAJsonArray_Returns400AndStoresNothing(string body)
    {
        var before = await InboxCountAsync();

        var response = await Server.CreateClient().SendAsync(Signed(body, Now()));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("errors").GetProperty("body").GetArrayLength().ShouldBe(1);
        (await InboxCountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Process_PortalOfNoWorkspace_KeepsTheBatchAsUnmatchedWithAReason()
    {
        var objectId = UniqueId();
        (await Server.CreateClient().SendAsync(Signed(Batch(("contact.creation", "990000404", objectId)), Now()))).EnsureSuccessStatusCode();

        var batch = await Eventually.WaitForAsync(async () => (await StoredWithAsync(objectId)).SingleOrDefault(b => b.Status != WebhookInboxStatus.Pending && b.Status != WebhookInboxStatus.Processing), "the batch being processed");

        batch.Status.ShouldBe(WebhookInboxStatus.Unmatched);
        batch.WorkspaceId.ShouldBeNull();
        batch.Error!.ShouldContain("990000404");
    }

    [Fact]
    public async Task Process_UnknownSubscriptionTypeOfAKnownPortal_DoneAndNotedWithoutFailing()
    {
        var portal = UniqueId();
        var response = await Server.OperatorClient().PostAsJsonAsync("/api/workspaces", new { name = $"Portal {portal}", hubSpotPortalId = portal });
        response.EnsureSuccessStatusCode();
        var workspace = (await response.Content.ReadFromJsonAsync<AbmServerFactory.IdOnly>())!.Id;
        var objectId = UniqueId();
        (await Server.CreateClient().SendAsync(Signed(Batch(("ticket.creation", portal, objectId), ("contact.somethingNew", portal, objectId)), Now()))).EnsureSuccessStatusCode();

        var batch = await Eventually.WaitForAsync(async () => (await StoredWithAsync(objectId)).SingleOrDefault(b => b.Status != WebhookInboxStatus.Pending && b.Status != WebhookInboxStatus.Processing), "the batch being processed");

        batch.Status.ShouldBe(WebhookInboxStatus.Done);
        batch.WorkspaceId.ShouldBe(workspace);
        batch.Error!.ShouldContain("ticket.creation");
        batch.Error!.ShouldContain("contact.somethingNew");
    }

    [Fact]
    public async Task Process_WorkspaceWithoutHubSpotConnection_FailsAfterTheAllowedAttemptsAndKeepsTheBatch()
    {
        await using var server = await AbmServerFactory.StartAsync(new()
        {
            ["HUBSPOT_CLIENT_SECRET"] = WebhookIntakeFixture.Secret,
            ["PUBLIC_BASE_URL"] = WebhookIntakeFixture.PublicBaseUrl,
            ["HubSpot:Webhooks:MaxAttempts"] = "1",
        });
        var portal = UniqueId();
        (await server.OperatorClient().PostAsJsonAsync("/api/workspaces", new { name = "Unconnected", hubSpotPortalId = portal })).EnsureSuccessStatusCode();

        (await server.CreateClient().SendAsync(Signed(Batch(("contact.creation", portal, UniqueId())), Now()))).EnsureSuccessStatusCode();

        var batch = await Eventually.WaitForAsync(async () =>
        {
            await using var database = server.OpenDatabase();
            return await database.WebhookInbox.AsNoTracking().SingleOrDefaultAsync(b => b.Status == WebhookInboxStatus.Failed);
        }, "the batch being set aside");
        batch.Attempts.ShouldBe(1);
        batch.Error!.ShouldContain("no usable HubSpot connection");
        batch.Payload.ShouldContain(portal);
    }

    [Fact]
    public async Task Receive_V1AndV2WhenConfigured_AcceptedAndStored()
    {
        await using var server = await AbmServerFactory.StartAsync(new()
        {
            ["HUBSPOT_CLIENT_SECRET"] = WebhookIntakeFixture.Secret,
            ["PUBLIC_BASE_URL"] = WebhookIntakeFixture.PublicBaseUrl,
            ["HubSpot:Webhooks:AcceptedSignatureVersions"] = "v3, v2, v1",
        });
        var v1Body = Batch(("deal.creation", "990000001", UniqueId()));
        var v2Body = Batch(("deal.creation", "990000001", UniqueId()));
        var v2 = new HttpRequestMessage(HttpMethod.Post, WebhookEndpoints.Route) { Content = Json(v2Body) };
        v2.Headers.Add("X-HubSpot-Signature", WebhookSignature.V2(WebhookIntakeFixture.Secret, "POST", SignedUri, Encoding.UTF8.GetBytes(v2Body)));
        v2.Headers.Add("X-HubSpot-Signature-Version", "v2");

        (await server.CreateClient().SendAsync(V1Signed(v1Body))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await server.CreateClient().SendAsync(v2)).StatusCode.ShouldBe(HttpStatusCode.OK);

        await using var database = server.OpenDatabase();
        (await database.WebhookInbox.CountAsync()).ShouldBe(2);
    }

    private static DateTimeOffset Now() => TimeProvider.System.GetUtcNow();

    private static string UniqueId() => Random.Shared.NextInt64(1_000_000_000, 9_000_000_000).ToString(CultureInfo.InvariantCulture);

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static string Batch(params (string Type, string Portal, string ObjectId)[] events) =>
        System.Text.Json.JsonSerializer.Serialize(events.Select((e, i) => new
        {
            eventId = i + 1, subscriptionId = 7, portalId = long.Parse(e.Portal, CultureInfo.InvariantCulture), appId = 1,
            occurredAt = Now().ToUnixTimeMilliseconds(), subscriptionType = e.Type, attemptNumber = 0,
            objectId = long.Parse(e.ObjectId, CultureInfo.InvariantCulture), changeSource = "CRM",
        }));

    private static HttpRequestMessage Signed(string body, DateTimeOffset at, string secret = WebhookIntakeFixture.Secret, string uri = SignedUri,
        string? sentBody = null, string? timestampHeader = null)
    {
        var timestamp = at.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        var request = new HttpRequestMessage(HttpMethod.Post, WebhookEndpoints.Route) { Content = Json(sentBody ?? body) };
        request.Headers.Add("X-HubSpot-Signature-v3", WebhookSignature.V3(secret, "POST", uri, Encoding.UTF8.GetBytes(body), timestamp));
        request.Headers.Add("X-HubSpot-Request-Timestamp", timestampHeader ?? timestamp);
        return request;
    }

    private static HttpRequestMessage V1Signed(string body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, WebhookEndpoints.Route) { Content = Json(body) };
        request.Headers.Add("X-HubSpot-Signature", WebhookSignature.V1(WebhookIntakeFixture.Secret, Encoding.UTF8.GetBytes(body)));
        request.Headers.Add("X-HubSpot-Signature-Version", "v1");
        return request;
    }

    private async Task<int> InboxCountAsync()
    {
        await using var database = Server.OpenDatabase();
        return await database.WebhookInbox.CountAsync();
    }

    private async Task<List<Abm.Data.Entities.WebhookInboxItem>> StoredWithAsync(string objectId)
    {
        await using var database = Server.OpenDatabase();
        var rows = await database.WebhookInbox.AsNoTracking().ToListAsync();
        return rows.Where(r => r.Payload.Contains(objectId, StringComparison.Ordinal)).ToList();
    }
}
