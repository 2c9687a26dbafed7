using System.Globalization;
using System.Net;
using Abm.HubSpot.Sandbox.Hosting;
using Abm.HubSpot.Sandbox.Persistence;
using Abm.HubSpot.Sandbox.Portals;
using Abm.HubSpot.Sandbox.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Abm.HubSpot.Sandbox.Tests.Persistence;

/// <summary>
/// After the first save, a save writes only what changed since the one before, and a restart on the file gives back
/// exactly the state in memory.
/// </summary>
public sealed class IncrementalSaveTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"sandbox-{Guid.NewGuid():N}.db");

    public void Dispose() => File.Delete(_file);

    private SandboxOptions Options(int accounts = 3) => TestSandbox.Options(accounts) with
    {
        DataFile = _file,
        SimulateBehaviour = false,
        SearchVisibilityDelay = TimeSpan.FromSeconds(10),
    };

    [Fact]
    public async Task SaveDataFile_AfterAFewChanges_WritesOnlyTheirRows()
    {
        await using var sandbox = await TestSandbox.StartAsync(Options());
        var contacts = await IdsAsync(sandbox, "contacts");

        sandbox.Host.SaveDataFile().PortalRowsWritten.ShouldBe(0);

        foreach (var id in contacts.Take(3))
        {
            (await sandbox.SendAsync(HttpMethod.Patch, $"/crm/v3/objects/contacts/{id}", new { properties = new { jobtitle = "Saved alone" } })).Response.EnsureSuccessStatusCode();
        }

        var updates = sandbox.Host.SaveDataFile();
        updates.PortalRowsWritten.ShouldBe(3);
        updates.PortalsWrittenWhole.ShouldBe(0);

        (await sandbox.SendAsync(HttpMethod.Delete, $"/crm/v3/objects/contacts/{contacts[3]}")).Response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        sandbox.Host.SaveDataFile().PortalRowsWritten.ShouldBe(1);

        // A new association is a row on each side; a new list is the lists document.
        var created = (await sandbox.CreateContactAsync("associated@example.com"))["id"];
        sandbox.Host.SaveDataFile();
        var companies = await IdsAsync(sandbox, "companies");
        (await sandbox.SendAsync(HttpMethod.Put, $"/crm/v4/objects/contacts/{created}/associations/default/companies/{companies[0]}")).Response.EnsureSuccessStatusCode();
        (await sandbox.SendAsync(HttpMethod.Post, "/crm/v3/lists", new { name = "One row", objectTypeId = "0-1", processingType = "MANUAL" })).Response.EnsureSuccessStatusCode();
        sandbox.Host.SaveDataFile().PortalRowsWritten.ShouldBe(3);
    }

    [Fact]
    public async Task Restart_AfterIncrementalSaves_RestoresExactlyTheStateInMemory()
    {
        List<string> before;
        await using (var sandbox = await TestSandbox.StartAsync(Options()))
        {
            var changes = new RandomChanges(sandbox, await IdsAsync(sandbox, "contacts"), await IdsAsync(sandbox, "companies"), seed: 5);
            for (var step = 0; step < 120; step++)
            {
                await changes.ApplyOneAsync();
                if (step % 7 == 6)
                {
                    sandbox.Host.SaveDataFile().PortalsWrittenWhole.ShouldBe(0);
                }
            }

            sandbox.Host.SaveDataFile().PortalsWrittenWhole.ShouldBe(0);
            changes.KindsSucceeded.ShouldBe(10);
            before = Dump(sandbox.Host);
        }

        await using var restarted = await TestSandbox.StartAsync(Options(accounts: 7));
        var after = Dump(restarted.Host);

        after.Count.ShouldBe(before.Count);
        for (var i = 0; i < before.Count; i++)
        {
            after[i].ShouldBe(before[i]);
        }
    }

    [Fact]
    public async Task SaveDataFile_AfterRestart_WritesOnlyWhatChangedSince()
    {
        await using (var sandbox = await TestSandbox.StartAsync(Options()))
        {
        }

        await using var restarted = await TestSandbox.StartAsync(Options());
        restarted.Host.SaveDataFile().PortalRowsWritten.ShouldBe(0);
        var contacts = await IdsAsync(restarted, "contacts");
        (await restarted.SendAsync(HttpMethod.Patch, $"/crm/v3/objects/contacts/{contacts[0]}", new { properties = new { jobtitle = "After restart" } })).Response.EnsureSuccessStatusCode();
        restarted.Host.SaveDataFile().PortalRowsWritten.ShouldBe(1);
    }

    private static async Task<List<string>> IdsAsync(TestSandbox sandbox, string type)
    {
        var (response, page) = await sandbox.SendAsync(HttpMethod.Get, $"/crm/v3/objects/{type}?limit=100");
        response.EnsureSuccessStatusCode();
        return page!["results"]!.AsArray().Select(r => r!["id"]!.GetValue<string>()).ToList();
    }

    // Every portal as its sections would write it whole, in a fixed order: whatever the file keeps, compared field by field.
    private static List<string> Dump(SandboxHost host)
    {
        var sections = host.Services.GetServices<IPortalSection>().ToList();
        var dump = new List<string>();
        foreach (var portal in host.Services.GetRequiredService<PortalRegistry>().All)
        {
            portal.Read(state =>
            {
                var rows = new List<SectionRow>();
                foreach (var section in sections)
                {
                    section.Save(state, new SectionRows(section.Name, everything: true, new Dictionary<string, string>(), rows, []));
                }

                dump.AddRange(rows.OrderBy(r => r.Section, StringComparer.Ordinal).ThenBy(r => r.Key)
                    .Select(r => string.Create(CultureInfo.InvariantCulture, $"{portal.PortalId} {r.Section} {r.Key} {r.Data}")));
                dump.Add(string.Create(CultureInfo.InvariantCulture, $"{portal.PortalId} next id {state.PeekNextId}"));
                return 0;
            });
        }

        return dump;
    }
}
