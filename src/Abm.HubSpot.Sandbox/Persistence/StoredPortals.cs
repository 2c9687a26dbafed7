using Abm.HubSpot.Sandbox.Hosting;
using Abm.HubSpot.Sandbox.Portals;
using Abm.HubSpot.Sandbox.Seeding;

namespace Abm.HubSpot.Sandbox.Persistence;

/// <summary>
/// Turns portals into what the data file holds and back, and remembers what the file holds of each portal so that
/// a save takes only what changed since. Without a data file there is nothing to restore and the portals are
/// seeded as usual.
/// </summary>
internal sealed class StoredPortals(SandboxOptions options, IEnumerable<IPortalSection> sections, DataFile? file)
{
    // Per portal id, the state the file holds and what it last wrote of it; a portal whose state is not this one
    // (new, reseeded, or after a failed save) is written whole.
    private readonly Dictionary<long, SavedPortal> _saved = [];

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
        foreach (var (portalId, identityJson) in file.ReadPortals())
        {
            var identity = StoredJson.Read<PortalIdentity>(identityJson);
            if (identity.SandboxSeed != options.Seed)
            {
                // The app credentials and tokens follow from the sandbox seed: another seed would not match the data.
                throw new InvalidOperationException(
                    $"The data file {file.Path} was written by a sandbox started with seed {identity.SandboxSeed}, not {options.Seed}; start with --seed {identity.SandboxSeed} or use another file.");
            }

            var firstId = firstRecordIdOf(portalId);
            var state = new PortalState(identity.SeededAt, firstId, identity.Seed);
            foreach (var section in sections)
            {
                section.Load(state, file.ReadRows(portalId, section.Name));
            }

            state.EndRestore(identity.NextRecordId, identity.SeededAccounts, () => PortalSeeder.Seed(identity.Seed, identity.SeededAccounts, identity.SeededAt, firstId).Market);
            restored.Add((identity.Options, state));

            // What was just read is what the file holds: the sections count it as saved, and an empty capture learns
            // the documents of the small ones, so the next save writes changes only.
            _saved[portalId] = new SavedPortal(state, identityJson, new Dictionary<string, string>());
            Committed(Capture(portalId, identity.Options, state));
        }

        RestoredAny = restored.Count > 0;
        return restored;
    }

    /// <summary>What a save takes from one portal, read under the portal's lock so that its sections agree.</summary>
    public PortalCapture Capture(Portal portal) => portal.Read(state => Capture(portal.PortalId, portal.Options, state));

    /// <summary>The file now holds what <paramref name="capture"/> took; the next capture of that portal starts from it.</summary>
    public void Committed(PortalCapture capture) => _saved[capture.PortalId] = new SavedPortal(capture.State, capture.CurrentIdentity, capture.Documents);

    /// <summary>After a failed save nothing is known about what the file holds: every portal is written whole next time.</summary>
    public void ForgetSaved() => _saved.Clear();

    private PortalCapture Capture(long portalId, SandboxPortalOptions portalOptions, PortalState state)
    {
        var saved = _saved.GetValueOrDefault(portalId);
        var everything = !ReferenceEquals(saved?.State, state);
        var identity = StoredJson.Write(new PortalIdentity(options.Seed, portalOptions, state.Seed, state.SeededAt, state.SeededAccounts, state.PeekNextId));
        var rows = new List<SectionRow>();
        var documents = new Dictionary<string, string>(StringComparer.Ordinal);
        var savedDocuments = saved?.Documents ?? new Dictionary<string, string>();
        foreach (var section in sections)
        {
            section.Save(state, new SectionRows(section.Name, everything, savedDocuments, rows, documents));
        }

        var identityChanged = everything || !string.Equals(saved?.Identity, identity, StringComparison.Ordinal);
        return new PortalCapture(portalId, state, everything, identityChanged ? identity : null, identity, rows, documents);
    }

    private sealed record SavedPortal(PortalState State, string Identity, IReadOnlyDictionary<string, string> Documents);

    private sealed record PortalIdentity(int SandboxSeed, SandboxPortalOptions Options, int Seed, DateTimeOffset SeededAt, int SeededAccounts, long NextRecordId);
}
