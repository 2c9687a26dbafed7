using Abm.HubSpot.Sandbox.Hosting;
using Abm.HubSpot.Sandbox.Portals;
using Abm.HubSpot.Sandbox.Seeding;

namespace Abm.HubSpot.Sandbox.Persistence;

/// <summary>
/// Turns portals into what the data file holds and back. Without a data file there is nothing to restore and the
/// portals are seeded as usual.
/// </summary>
internal sealed class StoredPortals(SandboxOptions options, IEnumerable<IPortalSection> sections, DataFile? file)
{
    /// <summary>True once <see cref="Restore"/> found portals in the data file (they need no save at start).</summary>
    public bool RestoredAny { get; private set; }

    /// <summary>The portals the data file holds, in portal id order; empty for a new file or without one.</summary>
    public IReadOnlyList<(SandboxPortalOptions Options, PortalState State)> Restore(Func<long, long> firstRecordIdOf)
    {
        if (file is null)
        {
            return [];
        }

        var restored = new List<(SandboxPortalOptions, PortalState)>();
        foreach (var portal in file.ReadPortals())
        {
            var identity = StoredJson.Read<PortalIdentity>(portal.Identity);
            if (identity.SandboxSeed != options.Seed)
            {
                // The app credentials and tokens follow from the sandbox seed: another seed would not match the data.
                throw new InvalidOperationException(
                    $"The data file {file.Path} was written by a sandbox started with seed {identity.SandboxSeed}, not {options.Seed}; start with --seed {identity.SandboxSeed} or use another file.");
            }

            var firstId = firstRecordIdOf(portal.PortalId);
            var state = new PortalState(identity.SeededAt, firstId, identity.Seed);
            foreach (var section in sections)
            {
                if (portal.Sections.TryGetValue(section.Name, out var data))
                {
                    section.Load(state, data);
                }
            }

            state.EndRestore(identity.NextRecordId, identity.SeededAccounts, () => PortalSeeder.Seed(identity.Seed, identity.SeededAccounts, identity.SeededAt, firstId).Market);
            restored.Add((identity.Options, state));
        }

        RestoredAny = restored.Count > 0;
        return restored;
    }

    /// <summary>One portal as the data file keeps it, read under the portal's lock so that its sections agree.</summary>
    public StoredPortal Capture(Portal portal) => portal.Read(state => new StoredPortal(
        portal.PortalId,
        StoredJson.Write(new PortalIdentity(options.Seed, portal.Options, state.Seed, state.SeededAt, state.SeededAccounts, state.PeekNextId)),
        sections.ToDictionary(s => s.Name, s => s.Save(state), StringComparer.Ordinal)));

    private sealed record PortalIdentity(int SandboxSeed, SandboxPortalOptions Options, int Seed, DateTimeOffset SeededAt, int SeededAccounts, long NextRecordId);
}
