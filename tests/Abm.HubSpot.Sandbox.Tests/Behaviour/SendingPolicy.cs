using System.Text.Json.Nodes;
using Abm.HubSpot.Sandbox.Tests.Infrastructure;

namespace Abm.HubSpot.Sandbox.Tests.Behaviour;

/// <summary>
/// Chooses the next content item for each buyer, never one it was sent before: by observed popularity
/// (downloads seen so far), at random, or with the hidden truth (the best-labelled item now).
/// </summary>
internal abstract class SendingPolicy
{
    public abstract string Name { get; }

    /// <summary>Reads what the policy needs before a round of sends.</summary>
    public abstract Task ObserveAsync(TestSandbox sandbox, long portalId, DateTimeOffset now);

    public abstract string Choose(string contactId, IReadOnlySet<string> alreadySent);
}

internal sealed class PopularityPolicy : SendingPolicy
{
    private readonly Dictionary<string, int> _downloads = new(StringComparer.Ordinal);
    private DateTimeOffset? _readUntil;
    private List<string> _ranking = [];

    public override string Name => "popularity";

    public override async Task ObserveAsync(TestSandbox sandbox, long portalId, DateTimeOffset now)
    {
        var since = _readUntil is { } last ? $"&since={Uri.EscapeDataString(last.AddTicks(1).ToString("O"))}" : "";
        var events = await BehaviourClient.SiteEventsAsync(sandbox, $"type=content_download&until={Uri.EscapeDataString(now.ToString("O"))}{since}", portalId);
        foreach (var item in events.Select(e => e["contentExternalId"]?.GetValue<string>()).OfType<string>())
        {
            _downloads[item] = _downloads.GetValueOrDefault(item) + 1;
        }

        _readUntil = now;
        _ranking = _downloads.OrderByDescending(d => d.Value).ThenBy(d => d.Key, StringComparer.Ordinal).Select(d => d.Key).ToList();
    }

    public override string Choose(string contactId, IReadOnlySet<string> alreadySent) => _ranking.First(i => !alreadySent.Contains(i));
}

internal sealed class RandomPolicy(IReadOnlyList<string> catalogue, int seed) : SendingPolicy
{
    private readonly Random _random = new(seed);

    public override string Name => "random";

    public override Task ObserveAsync(TestSandbox sandbox, long portalId, DateTimeOffset now) => Task.CompletedTask;

    public override string Choose(string contactId, IReadOnlySet<string> alreadySent)
    {
        while (true)
        {
            var item = catalogue[_random.Next(catalogue.Count)];
            if (!alreadySent.Contains(item))
            {
                return item;
            }
        }
    }
}

/// <summary>Cheats on purpose: reads the hidden relevance labels, to show that matching content pays.</summary>
internal sealed class OraclePolicy : SendingPolicy
{
    private Dictionary<string, List<string>[]> _byLabel = [];

    public override string Name => "oracle";

    public override async Task ObserveAsync(TestSandbox sandbox, long portalId, DateTimeOffset now)
    {
        var truth = JsonNode.Parse(await sandbox.Http.GetStringAsync($"/_sandbox/portals/{portalId}/market/truth"))!;
        _byLabel = truth["contacts"]!.AsArray().ToDictionary(
            c => c!["contactId"]!.GetValue<string>(),
            c => new[] { "3", "2", "1" }.Select(label => c!["relevance"]![label]!.AsArray().Select(i => i!.GetValue<string>()).ToList()).ToArray());
    }

    public override string Choose(string contactId, IReadOnlySet<string> alreadySent) =>
        _byLabel[contactId].SelectMany(items => items).First(i => !alreadySent.Contains(i));
}
