using System.Net.Http.Json;
using static Abm.Server.Tests.Nurture.NurtureTestData;

namespace Abm.Server.Tests.Nurture;

/// <summary>An email step asks the consent answer first: email withdrawn here (HubSpot still allowing it) skips the send with the reason.</summary>
public sealed class NurtureConsentTests(NurtureSandbox fixture) : IClassFixture<NurtureSandbox>
{
    [Fact]
    public async Task Run_EmailWithdrawnLocally_SkipsTheSendWithTheConsentReasonAndSendsNothing()
    {
        var client = fixture.Marketer();
        var item = await ContentAsync(client, "https://example.com/withdrawn");
        var sequence = await ActiveSequenceAsync(client, $$"""
            { "name": "Withdrawn {{Guid.NewGuid():N}}", "guardrails": { "respectQuietHours": false, "skipWeekends": false },
              "steps": [ { "id": "send", "type": "send_content", "contentId": "{{item}}" }, { "id": "done", "type": "end" } ] }
            """);
        var contact = await fixture.PortalContactAsync();
        await EnrollAsync(client, new { sequenceId = sequence, contactId = contact.Id });
        (await client.PutAsJsonAsync($"/api/contacts/{contact.Id}/consent", new { email = false, reason = "asked by phone" })).EnsureSuccessStatusCode();
        var before = (await fixture.SendsAsync()).Count(s => s.GetProperty("to").GetString() == contact.Email);

        await fixture.RunAsync();

        var view = (await client.GetFromJsonAsync<ContactNurture>($"/api/contacts/{contact.Id}/nurture"))!;
        var send = view.Timeline.Single(a => a.Kind == "send_content");
        send.Status.ShouldBe("skipped");
        send.Reason!.ShouldStartWith("consent: email withdrawn");
        (await fixture.SendsAsync()).Count(s => s.GetProperty("to").GetString() == contact.Email).ShouldBe(before);
    }
}
