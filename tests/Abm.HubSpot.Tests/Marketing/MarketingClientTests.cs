using Abm.HubSpot.Crm;
using Abm.HubSpot.Email;
using Abm.HubSpot.Tests.Infrastructure;

namespace Abm.HubSpot.Tests.Marketing;

/// <summary>The client's lists, campaigns and marketing email calls against the sandbox.</summary>
public sealed class MarketingClientTests
{
    [Fact]
    public async Task Lists_CreateAddOverAChunkWithMissingIds_ReportsAddedAndMissingAcrossCalls()
    {
        await using var portal = await TestPortal.StartAsync();
        var client = portal.Client();
        var created = await client.Crm.BatchCreateAsync(CrmObjectTypes.Contacts,
            Enumerable.Range(0, 105).Select(i => new CrmRecordInput(new Dictionary<string, string?> { ["email"] = $"chunked.{i}@example.com" })).ToList());
        var ids = created.Records.Select(r => r.Id).ToList();

        var list = await client.Lists.CreateAsync("Chunked");
        var change = await client.Lists.AddAsync(list.ListId, [.. ids, "987654321"]);
        var again = await client.Lists.AddAsync(list.ListId, ids.Take(3).ToList());
        var found = await client.Lists.SearchAsync("chunk");
        var page = await client.Lists.MembershipPageAsync(list.ListId, pageSize: 100);

        (list.ProcessingType, change.Changed.Count, change.Missing.Single(), again.Changed.Count).ShouldBe(("MANUAL", 105, "987654321", 0));
        found.Lists.Single().Size.ShouldBe(105);
        (page.Members.Count, page.NextAfter is not null).ShouldBe((100, true));
        (await client.Lists.GetAsync("424242")).ShouldBeNull();
    }

    [Fact]
    public async Task Campaigns_CreateAssociateAndPageOverAHundred_ReadsEveryCampaignAndItsEmail()
    {
        await using var portal = await TestPortal.StartAsync();
        var client = portal.Client();
        for (var i = 0; i < 102; i++)
        {
            await client.Campaigns.CreateAsync(new Dictionary<string, string?> { ["hs_name"] = $"Campaign {i}", ["hs_campaign_status"] = "planned" });
        }

        var first = (await client.Campaigns.ListPageAsync(limit: 100)).Campaigns[0];
        await client.Campaigns.AddAssetAsync(first.Id, "MARKETING_EMAIL", "710003");
        var all = new List<string>();
        await foreach (var campaign in client.Campaigns.ListAllAsync())
        {
            all.Add(campaign.Get("hs_name")!);
        }

        all.Count.ShouldBe(102);
        (await client.Campaigns.AssetsAsync(first.Id, "MARKETING_EMAIL")).Single().Name.ShouldBe("Customer story spotlight");
        (await client.MarketingEmails.GetAsync("710003"))!.CampaignGuid.ShouldBe(first.Id);
        (await client.Campaigns.GetAsync(Guid.NewGuid().ToString())).ShouldBeNull();
    }

    [Fact]
    public async Task MarketingEmails_PageAndSend_TemplatesReadAndTheSendAccepted()
    {
        await using var portal = await TestPortal.StartAsync();
        var client = portal.Client();
        await client.Crm.BatchCreateAsync(CrmObjectTypes.Contacts, [new CrmRecordInput(new Dictionary<string, string?> { ["email"] = "reader@example.com" })]);

        var page = await client.MarketingEmails.ListPageAsync(limit: 100);
        var status = await client.MarketingEmails.SendAsync(new TransactionalEmail { EmailId = 710001, To = "reader@example.com", SendId = "client-test" });

        page.Emails.Select(e => e.Id).ShouldBe(["710001", "710002", "710003", "710004"]);
        page.Emails[0].EmailCampaignIds.ShouldBe([710001L]);
        (status.Status, status.StatusId is not null).ShouldBe(("PENDING", true));
    }
}
