using System.Globalization;
using System.Net;
using Abm.HubSpot.Sandbox.Hosting;
using Abm.HubSpot.Sandbox.Tests.Forms;
using Abm.HubSpot.Sandbox.Tests.Infrastructure;
using Abm.HubSpot.Sandbox.Tests.OAuth;

namespace Abm.HubSpot.Sandbox.Tests.Persistence;

/// <summary>
/// With a data file, a sandbox stopped cleanly and started again serves the same portal: records, properties,
/// associations, lists, owners, email events, marketing sends, campaigns, forms and their submissions, OAuth tokens, webhook subscriptions, the clock and the hidden market.
/// </summary>
public sealed class DataFileTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"sandbox-{Guid.NewGuid():N}.db");

    public void Dispose() => File.Delete(_file);

    private SandboxOptions Options(int accounts = 3, int seed = 42) => TestSandbox.Options(accounts) with { DataFile = _file, Seed = seed };

    [Fact]
    public async Task Restart_WithSameDataFile_ServesTheSameStateAndSkipsSeeding()
    {
        List<string> before;
        string accessToken;
        await using (var sandbox = await TestSandbox.StartAsync(Options()))
        {
            await ChangeEverythingAsync(sandbox);
            accessToken = (await OAuthFlow.InstallAsync(sandbox, "crm.objects.contacts.read"))["access_token"]!.GetValue<string>();
            before = await ReadEverythingAsync(sandbox, accessToken);
        }

        // Another account count: had the portal been seeded again, its records would differ.
        await using var restarted = await TestSandbox.StartAsync(Options(accounts: 7));
        var after = await ReadEverythingAsync(restarted, accessToken);

        after.Count.ShouldBe(before.Count);
        for (var i = 0; i < before.Count; i++)
        {
            after[i].ShouldBe(before[i]);
        }
    }

    [Fact]
    public async Task Start_WithDataFileOfAnotherSeed_Fails()
    {
        await using (await TestSandbox.StartAsync(Options(seed: 42)))
        {
        }

        var failure = await Should.ThrowAsync<InvalidOperationException>(async () => await TestSandbox.StartAsync(Options(seed: 7)));

        failure.Message.ShouldContain("seed 42");
    }

    [Fact]
    public async Task Start_WithDataFileOfTheFirstLayout_FailsWithAClearMessage()
    {
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_file};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE portal_section (portal_id INTEGER, name TEXT, data TEXT)";
            command.ExecuteNonQuery();
        }

        var failure = await Should.ThrowAsync<InvalidOperationException>(async () => await TestSandbox.StartAsync(Options()));

        failure.Message.ShouldContain("older sandbox");
    }

    private static async Task ChangeEverythingAsync(TestSandbox sandbox)
    {
        (await sandbox.SendAsync(HttpMethod.Post, "/_sandbox/clock/advance", new { minutes = 90 })).Response.EnsureSuccessStatusCode();
        var (property, _) = await sandbox.SendAsync(HttpMethod.Post, "/crm/v3/properties/contacts", new { name = "abm_score", label = "ABM score", type = "number", fieldType = "number", groupName = "contactinformation" });
        property.StatusCode.ShouldBe(HttpStatusCode.Created);
        var contact = await sandbox.CreateContactAsync("kept@example.com", "Kept");
        var contactId = contact["id"]!.GetValue<string>();
        await sandbox.SendAsync(HttpMethod.Patch, $"/crm/v3/objects/contacts/{contactId}", new { properties = new { abm_score = "87", jobtitle = "CTO" } });
        var (companies, companyPage) = await sandbox.SendAsync(HttpMethod.Get, "/crm/v3/objects/companies?limit=1");
        companies.EnsureSuccessStatusCode();
        var companyId = companyPage!["results"]![0]!["id"]!.GetValue<string>();
        (await sandbox.SendAsync(HttpMethod.Put, $"/crm/v4/objects/contacts/{contactId}/associations/default/companies/{companyId}")).Response.EnsureSuccessStatusCode();
        var (contacts, contactPage) = await sandbox.SendAsync(HttpMethod.Get, "/crm/v3/objects/contacts?limit=2");
        contacts.EnsureSuccessStatusCode();
        (await sandbox.SendAsync(HttpMethod.Delete, $"/crm/v3/objects/contacts/{contactPage!["results"]![0]!["id"]}")).Response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var (list, listBody) = await sandbox.SendAsync(HttpMethod.Post, "/crm/v3/lists", new { name = "Kept list", objectTypeId = "0-1", processingType = "MANUAL" });
        list.EnsureSuccessStatusCode();
        (await sandbox.SendAsync(HttpMethod.Put, $"/crm/v3/lists/{listBody!["list"]!["listId"]}/memberships/add", new[] { contactId })).Response.EnsureSuccessStatusCode();
        await FormsApi.SubmitAsync(sandbox, await FormsApi.FormIdAsync(sandbox, "Contact us"), "kept@example.com");
        var (campaign, campaignBody) = await sandbox.SendAsync(HttpMethod.Post, "/marketing/v3/campaigns", new { properties = new { hs_name = "Kept campaign", hs_start_date = "2026-03-01" } });
        campaign.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await sandbox.SendAsync(HttpMethod.Put, $"/marketing/v3/campaigns/{campaignBody!["id"]}/assets/MARKETING_EMAIL/710001")).Response.EnsureSuccessStatusCode();
        (await sandbox.SendAsync(HttpMethod.Post, "/marketing/v4/email/single-send", new { emailId = 710001, message = new { to = "kept@example.com", sendId = "kept" } })).Response.EnsureSuccessStatusCode();
        var key = $"?hapikey={sandbox.Host.DeveloperApiKey}";
        (await sandbox.SendAsync(HttpMethod.Put, $"/webhooks/v3/{sandbox.Host.AppId}/settings{key}", new { targetUrl = "https://hooks.example.com/hubspot" })).Response.EnsureSuccessStatusCode();
        (await sandbox.SendAsync(HttpMethod.Post, $"/webhooks/v3/{sandbox.Host.AppId}/subscriptions{key}", new { eventType = "contact.propertyChange", propertyName = "abm_score", active = true })).Response.EnsureSuccessStatusCode();
    }

    // Everything as the APIs show it, in a fixed order, to compare before and after the restart.
    private static async Task<List<string>> ReadEverythingAsync(TestSandbox sandbox, string accessToken)
    {
        var portalId = sandbox.Portal.PortalId.ToString(CultureInfo.InvariantCulture);
        var key = $"hapikey={sandbox.Host.DeveloperApiKey}";
        string[] paths =
        [
            $"/_sandbox/portals/{portalId}",
            "/_sandbox/clock",
            "/crm/v3/objects/contacts?limit=100&properties=email,firstname,jobtitle,abm_score,lifecyclestage&associations=companies",
            "/crm/v3/objects/contacts?limit=100&archived=true",
            "/crm/v3/objects/companies?limit=100&properties=name,domain,industry&associations=contacts,deals",
            "/crm/v3/objects/deals?limit=100&properties=dealname,amount,dealstage",
            "/crm/v3/properties/contacts/abm_score",
            "/crm/v3/properties/contacts",
            "/crm/v3/lists/object-type-id/0-1/name/Kept%20list",
            "/crm/v3/owners",
            "/email/public/v1/events?limit=100",
            "/marketing/v3/campaigns?limit=100&properties=hs_name,hs_start_date",
            "/marketing/v3/emails?limit=100",
            $"/_sandbox/portals/{portalId}/marketing-emails/sends",
            $"/webhooks/v3/{sandbox.Host.AppId}/settings?{key}",
            $"/webhooks/v3/{sandbox.Host.AppId}/subscriptions?{key}",
            $"/oauth/v1/access-tokens/{accessToken}",
            $"/_sandbox/portals/{portalId}/market/truth",
        ];
        var read = new List<string>();
        foreach (var path in paths)
        {
            var (response, body) = await sandbox.SendAsync(HttpMethod.Get, path);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, path);
            read.Add($"{path} {body!.ToJsonString()}");
        }

        foreach (var form in await FormsApi.FormsAsync(sandbox))
        {
            var formId = form["id"]!.GetValue<string>();
            read.Add($"form {form.ToJsonString()} {string.Join(',', (await FormsApi.SubmissionsAsync(sandbox, formId)).Select(s => s.ToJsonString()))}");
        }

        var (_, list) = await sandbox.SendAsync(HttpMethod.Get, "/crm/v3/lists/object-type-id/0-1/name/Kept%20list");
        var (_, members) = await sandbox.SendAsync(HttpMethod.Get, $"/crm/v3/lists/{list!["list"]!["listId"]}/memberships");
        read.Add($"members {members!.ToJsonString()}");

        var (searched, found) = await sandbox.SendAsync(HttpMethod.Post, "/crm/v3/objects/contacts/search", new
        {
            filterGroups = new[] { new { filters = new[] { new { propertyName = "abm_score", @operator = "GTE", value = "80" } } } },
            properties = new[] { "email", "abm_score" },
        });
        searched.StatusCode.ShouldBe(HttpStatusCode.OK);
        read.Add($"search {found!.ToJsonString()}");
        return read;
    }
}
