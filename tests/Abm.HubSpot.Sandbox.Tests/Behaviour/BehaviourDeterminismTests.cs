using System.Text.Json.Nodes;
using Abm.HubSpot.Sandbox.Tests.Infrastructure;

namespace Abm.HubSpot.Sandbox.Tests.Behaviour;

public sealed class BehaviourDeterminismTests
{
    [Fact]
    public async Task Advance_SameSeedSameSends_SameWorld()
    {
        await using var first = await TestSandbox.StartAsync(BehaviourClient.Options(15));
        await using var second = await TestSandbox.StartAsync(BehaviourClient.Options(15));

        var one = await RunAsync(first);
        var two = await RunAsync(second);

        two.ShouldBe(one);
    }

    [Fact]
    public async Task Advance_OtherSeed_OtherWorld()
    {
        await using var first = await TestSandbox.StartAsync(BehaviourClient.Options(15));
        await using var other = await TestSandbox.StartAsync(BehaviourClient.Options(15, seed: 7));

        var one = await RunAsync(first);
        var two = await RunAsync(other);

        two.ShouldNotBe(one);
    }

    [Fact]
    public async Task Advance_InSmallStepsOrOneJump_SameWorld()
    {
        await using var stepped = await TestSandbox.StartAsync(BehaviourClient.Options(10));
        await using var jumped = await TestSandbox.StartAsync(BehaviourClient.Options(10));

        for (var i = 0; i < 20; i++)
        {
            await BehaviourClient.AdvanceAsync(stepped, hours: 3.6);
        }

        await BehaviourClient.AdvanceAsync(jumped, days: 3);

        (await WorldAsync(jumped)).ShouldBe(await WorldAsync(stepped));
    }

    // A day of organic life, then the same sends to the same buyers, then three more days.
    private static async Task<string> RunAsync(TestSandbox sandbox)
    {
        await BehaviourClient.AdvanceAsync(sandbox, days: 1);
        var truth = JsonNode.Parse(await sandbox.Http.GetStringAsync($"/_sandbox/portals/{sandbox.Portal.PortalId}/market/truth"))!;
        foreach (var contact in truth["contacts"]!.AsArray().Take(40))
        {
            var record = JsonNode.Parse(await sandbox.Http.GetStringAsync($"/crm/v3/objects/contacts/{contact!["contactId"]}?properties=email"))!;
            var item = contact["relevance"]!["3"]!.AsArray().FirstOrDefault()?.GetValue<string>() ?? "sbx-content-0001";
            var (response, _) = await sandbox.SendAsync(HttpMethod.Post, "/marketing/v3/transactional/single-email/send", new
            {
                emailId = 77,
                message = new { to = record["properties"]!["email"]!.GetValue<string>() },
                customProperties = new { content_external_id = item },
            });
            response.EnsureSuccessStatusCode();
        }

        await BehaviourClient.AdvanceAsync(sandbox, days: 3);
        return await WorldAsync(sandbox);
    }

    /// <summary>Everything the buyers did, without the ids HubSpot makes random (transactional status ids, their SENT events).</summary>
    private static async Task<string> WorldAsync(TestSandbox sandbox)
    {
        var portal = sandbox.Portal.PortalId;
        var site = await BehaviourClient.SiteEventsAsync(sandbox);
        var email = (await BehaviourClient.EmailEventsAsync(sandbox, TestSandbox.Start, TestSandbox.Start.AddDays(30)))
            .Select(e => $"{e["type"]}|{e["recipient"]}|{e["created"]}|{e["emailCampaignId"]}|{e["url"]}");
        var sends = (await BehaviourClient.SendsAsync(sandbox))["results"]!.AsArray().Select(s => { s!.AsObject().Remove("statusId"); return s.ToJsonString(); });
        var meetings = await sandbox.Http.GetStringAsync("/crm/v3/objects/meetings?limit=100&properties=hs_meeting_title,hs_meeting_start_time,hs_timestamp");
        var deals = await sandbox.Http.GetStringAsync("/crm/v3/objects/deals?limit=100&properties=dealstage,closedate,amount");
        var truth = await sandbox.Http.GetStringAsync($"/_sandbox/portals/{portal}/market/truth");
        return string.Join('\n', [
            string.Join('\n', site.Select(e => e.ToJsonString())), string.Join('\n', email), string.Join('\n', sends), meetings, deals, truth]);
    }
}
