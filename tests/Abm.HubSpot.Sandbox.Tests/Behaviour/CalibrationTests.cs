using System.Text.Json.Nodes;
using Abm.HubSpot.Sandbox.Hosting;
using Abm.HubSpot.Sandbox.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Abm.HubSpot.Sandbox.Tests.Behaviour;

/// <summary>
/// The calibration documented in docs/sandbox.md: 30 simulated days, 100 seeded accounts, every buyer sent one
/// content item twice a week (Monday and Thursday 10:00, the tolerated cadence) by transactional email over
/// HTTP. Conversion = buyers who booked a meeting in reaction to a send / buyers sent to. Three portals with the
/// same seed run the three policies side by side on the same clock.
/// </summary>
public sealed class CalibrationTests(ITestOutputHelper output)
{
    private const int Days = 30;

    [Fact]
    public async Task Policies_ThirtyDays_PopularityNearEightPercentRandomLowerOracleHigher()
    {
        var portal = new SandboxPortalOptions { Accounts = 100, Seed = 42, BurstLimit = 10_000_000, DailyLimit = 100_000_000 };
        await using var sandbox = await TestSandbox.StartAsync(TestSandbox.Options() with { Portals = [portal, portal, portal] });
        var catalogue = JsonNode.Parse(await sandbox.Http.GetStringAsync($"/_sandbox/portals/{sandbox.Portal.PortalId}/market/content"))!["results"]!
            .AsArray().Select(i => i!["externalId"]!.GetValue<string>()).ToList();
        var runs = new[] { new PolicyRun(new PopularityPolicy(), sandbox.Host.Portals[0]), new PolicyRun(new RandomPolicy(catalogue, 5), sandbox.Host.Portals[1]), new PolicyRun(new OraclePolicy(), sandbox.Host.Portals[2]) };
        await Task.WhenAll(runs.Select(run => run.ReadBuyersAsync(sandbox)));

        var firstMorning = new DateTimeOffset(TestSandbox.Start.UtcDateTime.Date, TimeSpan.Zero).AddDays(1).AddHours(10);
        var now = TestSandbox.Start;
        for (var day = 0; day < Days; day++)
        {
            if (day % 7 is not (0 or 3))
            {
                continue;
            }

            var sendAt = firstMorning.AddDays(day);
            await BehaviourClient.AdvanceAsync(sandbox, hours: (sendAt - now).TotalHours);
            now = sendAt;
            var at = now;
            await Task.WhenAll(runs.Select(run => run.SendRoundAsync(sandbox, at)));
        }

        var conversion = new Dictionary<string, double>();
        foreach (var run in runs)
        {
            conversion[run.Policy.Name] = (await BehaviourClient.SendsAsync(sandbox, run.Portal.PortalId))["summary"]!["conversion"]!.GetValue<double>();
        }

        output.WriteLine(string.Join(", ", conversion.Select(c => $"{c.Key} {c.Value:P1}")));
        conversion["popularity"].ShouldBeInRange(0.06, 0.10);
        conversion["random"].ShouldBeLessThan(conversion["popularity"] * 0.85);
        conversion["oracle"].ShouldBeGreaterThan(conversion["popularity"] * 2);
    }
}

/// <summary>One policy sending to one portal's seeded buyers (each portal numbers its records in its own range).</summary>
internal sealed class PolicyRun(SendingPolicy policy, SandboxPortalInfo portal)
{
    private readonly Dictionary<string, HashSet<string>> _sent = new(StringComparer.Ordinal);
    private readonly List<(string Id, string Email)> _buyers = [];

    public SendingPolicy Policy { get; } = policy;

    public SandboxPortalInfo Portal { get; } = portal;

    public async Task ReadBuyersAsync(TestSandbox sandbox)
    {
        var truth = JsonNode.Parse(await sandbox.Http.GetStringAsync($"/_sandbox/portals/{Portal.PortalId}/market/truth"))!;
        var seeded = truth["contacts"]!.AsArray().Select(c => c!["contactId"]!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
        using var client = sandbox.ClientFor(Portal.AccessToken);
        string? after = null;
        do
        {
            var page = JsonNode.Parse(await client.GetStringAsync($"/crm/v3/objects/contacts?limit=100&properties=email{(after is null ? "" : $"&after={after}")}"))!;
            _buyers.AddRange(page["results"]!.AsArray()
                .Select(r => (r!["id"]!.GetValue<string>(), r["properties"]!["email"]!.GetValue<string>()))
                .Where(c => seeded.Contains(c.Item1)));
            after = page["paging"]?["next"]?["after"]?.GetValue<string>();
        }
        while (after is not null);
    }

    public async Task SendRoundAsync(TestSandbox sandbox, DateTimeOffset now)
    {
        await Policy.ObserveAsync(sandbox, Portal.PortalId, now);
        using var client = sandbox.ClientFor(Portal.AccessToken);
        var sends = _buyers.Select(contact =>
        {
            var sent = _sent.TryGetValue(contact.Id, out var items) ? items : _sent[contact.Id] = new HashSet<string>(StringComparer.Ordinal);
            var item = Policy.Choose(contact.Id, sent);
            sent.Add(item);
            return new { emailId = 9001, message = new { to = contact.Email }, customProperties = new { content_external_id = item } };
        }).ToList();
        await Parallel.ForEachAsync(sends, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (send, _) =>
        {
            var (response, body) = await TestSandbox.SendAsync(client, HttpMethod.Post, "/marketing/v3/transactional/single-email/send", send);
            response.IsSuccessStatusCode.ShouldBeTrue(body?.ToJsonString());
        });
    }
}
