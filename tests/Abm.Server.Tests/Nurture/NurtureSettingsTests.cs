using System.Net;
using System.Net.Http.Json;
using static Abm.Server.Tests.Nurture.NurtureTestData;

namespace Abm.Server.Tests.Nurture;

/// <summary>A workspace's own transactional email id: sends go through it, and clearing it falls back to the server's.</summary>
public sealed class NurtureSettingsTests(NurtureSandbox fixture) : IClassFixture<NurtureSandbox>
{
    [Fact]
    public async Task Settings_WorkspaceEmailIdSetThenCleared_SendsUseItThenTheServers()
    {
        var client = fixture.Marketer();
        var admin = fixture.Server.OperatorClient();
        (await admin.GetFromJsonAsync<Settings>("/api/nurture/settings")).ShouldBe(new Settings(null, NurtureSandbox.EmailId, "server"));

        var set = await admin.PutAsJsonAsync("/api/nurture/settings", new { transactionalEmailId = 777 });

        set.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await admin.GetFromJsonAsync<Settings>("/api/nurture/settings")).ShouldBe(new Settings(777, 777, "workspace"));
        var item = await ContentAsync(client, $"https://example.com/settings-{Guid.NewGuid():N}");
        var sequence = await ActiveSequenceAsync(client, $$"""
            { "name": "Own email {{Guid.NewGuid():N}}", "guardrails": { "respectQuietHours": false, "skipWeekends": false },
              "steps": [ { "id": "send", "type": "send_content", "contentId": "{{item}}" }, { "id": "done", "type": "end" } ] }
            """);
        var contact = await fixture.PortalContactAsync();
        await EnrollAsync(client, new { sequenceId = sequence, contactId = contact.Id });
        await fixture.RunAsync();
        (await fixture.SendsAsync()).Single(s => s.GetProperty("to").GetString() == contact.Email).GetProperty("emailId").GetInt64().ShouldBe(777);

        (await admin.PutAsJsonAsync("/api/nurture/settings", new { transactionalEmailId = (long?)null })).EnsureSuccessStatusCode();

        (await admin.GetFromJsonAsync<Settings>("/api/nurture/settings")).ShouldBe(new Settings(null, NurtureSandbox.EmailId, "server"));
    }

    [Fact]
    public async Task Settings_NotAPositiveId_Is400NamingTheField()
    {
        var response = await fixture.Server.OperatorClient().PutAsJsonAsync("/api/nurture/settings", new { transactionalEmailId = -5 });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("transactionalEmailId");
    }

    private sealed record Settings(long? TransactionalEmailId, long EffectiveTransactionalEmailId, string Source);
}
