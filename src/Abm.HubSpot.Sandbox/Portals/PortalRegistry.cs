using Abm.HubSpot.Sandbox.Auth;
using Abm.HubSpot.Sandbox.Hosting;
using Abm.HubSpot.Sandbox.Seeding;

namespace Abm.HubSpot.Sandbox.Portals;

/// <summary>The portals of the sandbox, created from the options at start and through the admin API.</summary>
internal sealed class PortalRegistry
{
    private const long FirstPortalId = 24_000_001;

    private readonly Lock _gate = new();
    private readonly List<Portal> _portals = [];
    private readonly SandboxOptions _options;
    private readonly TimeProvider _clock;

    public PortalRegistry(SandboxOptions options, TimeProvider clock)
    {
        _options = options;
        _clock = clock;
        foreach (var portalOptions in options.Portals)
        {
            Add(portalOptions);
        }
    }

    public IReadOnlyList<Portal> All
    {
        get
        {
            lock (_gate)
            {
                return _portals.ToList();
            }
        }
    }

    public Portal? Find(long portalId)
    {
        lock (_gate)
        {
            return _portals.FirstOrDefault(p => p.PortalId == portalId);
        }
    }

    public Portal? FindByPrivateAppToken(string token)
    {
        lock (_gate)
        {
            return _portals.FirstOrDefault(p => string.Equals(p.PrivateAppToken, token, StringComparison.Ordinal));
        }
    }

    public Portal Add(SandboxPortalOptions portalOptions)
    {
        lock (_gate)
        {
            var index = _portals.Count;
            var portalId = FirstPortalId + index;
            var seed = portalOptions.Seed ?? _options.Seed + index;
            var tokenRandom = new Random(unchecked((_options.Seed * 31) + (int)portalId));
            var token = $"pat-na1-{DeveloperApp.SeededGuid(tokenRandom)}";
            var scopes = portalOptions.PrivateAppScopes is null
                ? KnownScopes.All
                : new HashSet<string>(portalOptions.PrivateAppScopes, StringComparer.Ordinal);
            var state = PortalSeeder.Seed(seed, portalOptions.Accounts, _clock.GetUtcNow(), FirstRecordId(portalId));
            var portal = new Portal(portalId, portalOptions with { Seed = seed }, seed, token, scopes, state);
            _portals.Add(portal);
            return portal;
        }
    }

    /// <summary>Throws away a portal's data and generates it again, optionally with another seed or size.</summary>
    public void Reseed(Portal portal, int? seed, int? accounts)
    {
        var state = PortalSeeder.Seed(seed ?? portal.Seed, accounts ?? portal.Options.Accounts, _clock.GetUtcNow(), FirstRecordId(portal.PortalId));
        portal.Replace(state);
    }

    /// <summary>Regenerates every portal from its own seed and size, as at start.</summary>
    public void ReseedAll()
    {
        foreach (var portal in All)
        {
            Reseed(portal, null, null);
        }
    }

    // Each portal numbers its records in its own range, so an id used against the wrong portal finds nothing.
    private static long FirstRecordId(long portalId) => ((portalId - FirstPortalId + 1) * 100_000_000L) + 1;
}
