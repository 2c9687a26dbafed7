using System.Net.Http.Json;
using System.Text.Json;
using Abm.Server.Tests.Nurture;

namespace Abm.Server.Tests.Privacy;

/// <summary>
/// The consent answer of a connected workspace asks HubSpot's communication preferences live (over HTTP, the sandbox):
/// an opt-out newer than the last sync refuses email at once, and a HubSpot that cannot be asked is said, not hidden.
/// </summary>
public sealed class ConsentSubscriptionTests(NurtureSandbox fixture) : IClassFixture<NurtureSandbox>
{
    [Fact]
    public async Task Consent_OptOutInHubSpotAfterTheLastSync_EmailRefusedWithHubSpotsStatuses()
    {
        var admin = fixture.Marketer();
        var contact = await fixture.PortalContactAsync();

        var before = await admin.GetFromJsonAsync<JsonElement>($"/api/contacts/{contact.Id}/consent");
        (await fixture.HubSpot.PatchAsJsonAsync($"/crm/v3/objects/contacts/{contact.HubSpotId}", new { properties = new { hs_email_optout = "true" } })).EnsureSuccessStatusCode();
        var after = await admin.GetFromJsonAsync<JsonElement>($"/api/contacts/{contact.Id}/consent");

        before.GetProperty("email").GetProperty("allowed").GetBoolean().ShouldBeTrue();
        Statuses(before).ShouldBe(["SUBSCRIBED"]);
        after.GetProperty("email").GetProperty("allowed").GetBoolean().ShouldBeFalse("the local copy does not know yet; HubSpot does");
        after.GetProperty("email").GetProperty("reason").GetString()!.ShouldStartWith("unsubscribed: HubSpot reports");
        Statuses(after).ShouldBe(["NOT_SUBSCRIBED"]);
        after.GetProperty("emailSubscriptions").GetProperty("statuses")[0].GetProperty("sourceOfStatus").GetString().ShouldBe("PORTAL_WIDE_STATUS");
        (after.GetProperty("tracking").GetProperty("allowed").GetBoolean(), after.GetProperty("profiling").GetProperty("allowed").GetBoolean()).ShouldBe((true, true));
    }

    [Fact]
    public async Task Consent_HubSpotRefusesTheStatusRead_AnswersFromTheLastSyncAndSaysSo()
    {
        var admin = fixture.Marketer();
        var contact = await fixture.PortalContactAsync();
        (await fixture.HubSpot.PostAsJsonAsync("/_sandbox/faults", new
        {
            portalId = fixture.PortalId, route = "GET /communication-preferences/*", seed = 1, errorRates = new Dictionary<string, double> { ["403"] = 1.0 },
        })).EnsureSuccessStatusCode();
        try
        {
            var answer = await admin.GetFromJsonAsync<JsonElement>($"/api/contacts/{contact.Id}/consent");

            answer.GetProperty("email").GetProperty("allowed").GetBoolean().ShouldBeTrue();
            var subscriptions = answer.GetProperty("emailSubscriptions");
            subscriptions.GetProperty("checked").GetBoolean().ShouldBeFalse();
            subscriptions.GetProperty("problem").GetString()!.ShouldContain("could not be read");
        }
        finally
        {
            (await fixture.HubSpot.DeleteAsync("/_sandbox/faults")).EnsureSuccessStatusCode();
        }
    }

    private static string?[] Statuses(JsonElement answer)
    {
        var subscriptions = answer.GetProperty("emailSubscriptions");
        subscriptions.GetProperty("checked").GetBoolean().ShouldBeTrue();
        return [.. subscriptions.GetProperty("statuses").EnumerateArray().Select(s => s.GetProperty("status").GetString())];
    }
}
