using System.Text.Json.Nodes;
using Abm.HubSpot.Sandbox.Tests.Infrastructure;

namespace Abm.HubSpot.Sandbox.Tests.Behaviour;

/// <summary>After buyers have lived and reacted for days, the HubSpot-shaped API still shows nothing of the hidden truth.</summary>
public sealed class BehaviourIsolationTests
{
    [Fact]
    public async Task HubSpotRoutes_AfterDaysOfBehaviourAndSends_ShowNothingOfTheTruth()
    {
        await using var sandbox = await TestSandbox.StartAsync(BehaviourClient.Options(8));
        var truth = JsonNode.Parse(await sandbox.Http.GetStringAsync($"/_sandbox/portals/{sandbox.Portal.PortalId}/market/truth"))!;
        var contacts = truth["contacts"]!.AsArray();
        foreach (var contact in contacts)
        {
            var record = JsonNode.Parse(await sandbox.Http.GetStringAsync($"/crm/v3/objects/contacts/{contact!["contactId"]}?properties=email"))!;
            await sandbox.SendAsync(HttpMethod.Post, "/marketing/v3/transactional/single-email/send", new
            {
                emailId = 5,
                message = new { to = record["properties"]!["email"]!.GetValue<string>() },
                customProperties = new { content_external_id = contact["relevance"]!["3"]!.AsArray().FirstOrDefault()?.GetValue<string>() ?? "sbx-content-0002" },
            });
        }

        await BehaviourClient.AdvanceAsync(sandbox, days: 4);
        var hidden = new HashSet<string>(StringComparer.Ordinal) { "propensity", "relevance", "committeeTopics", "wantedStage", "sbx-content-" };
        foreach (var contact in contacts)
        {
            hidden.Add(contact!["persona"]!.GetValue<string>());
            hidden.UnionWith(contact["topics"]!.AsArray().Select(t => t!.GetValue<string>()));
            // One-word formats (webinar, whitepaper) name public content in click URLs; only their snake_case forms are hidden vocabulary.
            hidden.UnionWith(contact["preferredFormats"]!.AsArray().Select(f => f!.GetValue<string>()).Where(f => f.Contains('_', StringComparison.Ordinal)));
        }

        var bodies = new List<string>
        {
            await sandbox.Http.GetStringAsync("/email/public/v1/events?limit=1000"),
            await sandbox.Http.GetStringAsync("/crm/v3/objects/meetings?limit=100&properties=hs_meeting_title,hs_meeting_body,hs_meeting_outcome&associations=contacts,companies"),
            await sandbox.Http.GetStringAsync("/crm/v3/objects/deals?limit=100&properties=dealname,dealstage,description,amount"),
            await sandbox.Http.GetStringAsync("/crm/v3/objects/contacts?limit=100&properties=lifecyclestage,jobtitle,email"),
            await sandbox.Http.GetStringAsync("/crm/v3/objects/companies?limit=100&properties=lifecyclestage,name,description"),
        };

        (await BehaviourClient.SummaryAsync(sandbox))["totalEvents"]!.GetValue<int>().ShouldBeGreaterThan(1000);
        bodies.ShouldContain(b => b.Contains("\"OPEN\"", StringComparison.Ordinal));
        foreach (var value in hidden)
        {
            bodies.ShouldAllBe(body => !body.Contains(value, StringComparison.OrdinalIgnoreCase), $"'{value}' leaked");
        }
    }
}
