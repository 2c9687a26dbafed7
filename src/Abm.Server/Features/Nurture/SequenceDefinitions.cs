using System.Collections.Concurrent;
using System.Text.Json;
using Abm.Data;
using Abm.Engines.Nurture;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Features.Nurture;

/// <summary>
/// A sequence version's definition as the engine reads it. A saved version never changes, so its parsed form
/// is kept for the life of the process: the worker reads each version once, not once per enrolment.
/// </summary>
internal sealed class SequenceDefinitions
{
    private readonly ConcurrentDictionary<(Guid SequenceId, int Version), SequenceDefinition> _parsed = new();

    public async Task<SequenceDefinition?> GetAsync(AbmDbContext database, Guid sequenceId, int version, CancellationToken cancellationToken)
    {
        if (_parsed.TryGetValue((sequenceId, version), out var known))
        {
            return known;
        }

        var document = await database.NurtureSequenceVersions.Where(v => v.SequenceId == sequenceId && v.Version == version)
            .Select(v => v.Definition).FirstOrDefaultAsync(cancellationToken);
        if (document is null || Parse(document) is not { } definition)
        {
            return null;
        }

        _parsed[(sequenceId, version)] = definition;
        return definition;
    }

    /// <summary>A stored document read back; null only if it no longer reads (it was checked when saved).</summary>
    public static SequenceDefinition? Parse(string document)
    {
        using var json = JsonDocument.Parse(document);
        return SequenceDocumentReader.Read(json.RootElement).Definition;
    }
}
