using Abm.HubSpot.Sandbox.Auth;
using Abm.HubSpot.Sandbox.Hosting;
using Abm.HubSpot.Sandbox.Persistence;
using Abm.HubSpot.Sandbox.Seeding;

namespace Abm.HubSpot.Sandbox.Portals;

/// <summary>
/// The portals of the sandbox, created from the options at start (or read back from the data file, which then
/// replaces seeding) and through the admin API.
/// </summary>
internal sealed class PortalRegistry
{
    private const long FirstPortalId = 24_000_001;

    private readonly Lock _gate = new();
    private readonly List<Portal> _portals = [];
    private readonly SandboxOptions _options;
    private readonly TimeProvider _clock;

    public PortalRegistry(SandboxOptions options, TimeProvider clock, StoredPortals stored)
    {
        _options = options;
        _clock = clock;
        var restored = stored.Restore(FirstRecordId);
        foreach (var (portalOptions, state) in restored)
        {
            Attach(portalOptions, state);
        }

        if (restored.Count == 0)
        {
            foreach (var portalOptions in options.Portals)
            {
                Add(portalOptions);
            }
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
            var seed = portalOptions.Seed ?? _options.Seed + index;
            var state = PortalSeeder.Seed(seed, portalOptions.Accounts, _clock.GetUtcNow(), FirstRecordId(FirstPortalId + index));
            return Attach(portalOptions with { Seed = seed }, state);
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

    // Portal ids follow the order portals were added in; the token follows from the sandbox seed and the id.
    private Portal Attach(SandboxPortalOptions portalOptions, PortalState state)
    {
        lock (_gate)
        {
            var portalId = FirstPortalId + _portals.Count;
            var tokenRandom = new Random(unchecked((_options.Seed * 31) + (int)portalId));
            var token = $"pat-na1-{DeveloperApp.SeededGuid(tokenRandom)}";
            var scopes = portalOptions.PrivateAppScopes is null
                ? KnownScopes.All
                : new HashSet<string>(portalOptions.PrivateAppScopes, StringComparer.Ordinal);
            var portal = new Portal(portalId, portalOptions, portalOptions.Seed!.Value, token, scopes, state);
            _portals.Add(portal);
            return portal;
        }
    }

    // Each portal numbers its records in its own range, so an id used against the wrong portal finds nothing.
    private static long FirstRecordId(long portalId) => ((portalId - FirstPortalId + 1) * 100_000_000L) + 1;
}
