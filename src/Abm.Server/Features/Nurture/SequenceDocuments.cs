using System.Text.Json;
using Abm.Data;
using Abm.Engines.Nurture;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Features.Nurture;

/// <summary>
/// Checks a sequence document as the engine reads it, then the references only the workspace can answer:
/// fixed content items (by id or external id) and named HubSpot owners must exist.
/// </summary>
internal sealed class SequenceDocuments(AbmDbContext database)
{
    public async Task<SequenceReadResult> CheckAsync(JsonElement document, CancellationToken cancellationToken)
    {
        var read = SequenceDocumentReader.Read(document);
        if (read.Definition is not { } definition)
        {
            return read;
        }

        var problems = new List<SequenceProblem>();
        var steps = definition.Steps.Select((step, index) => (step, index)).ToList();
        var contentIds = steps.Select(s => s.step).OfType<SendContentStep>().Select(s => s.FixedContentId).OfType<string>().Distinct().ToList();
        var knownContent = await KnownContentAsync(contentIds, cancellationToken);
        problems.AddRange(steps.Where(s => s.step is SendContentStep { FixedContentId: { } id } && !knownContent.Contains(id))
            .Select(s => new SequenceProblem($"$.steps[{s.index}].contentId", $"no content item of this workspace has the id or external id '{((SendContentStep)s.step).FixedContentId}'.")));

        var ownerIds = steps.Select(s => s.step).OfType<CreateTaskStep>().Select(t => t.Owner.OwnerId).OfType<string>().Distinct().ToList();
        var knownOwners = ownerIds.Count == 0 ? [] : await database.Owners.Where(o => ownerIds.Contains(o.HubSpotId)).Select(o => o.HubSpotId).ToListAsync(cancellationToken);
        problems.AddRange(steps.Where(s => s.step is CreateTaskStep { Owner.OwnerId: { } owner } && !knownOwners.Contains(owner))
            .Select(s => new SequenceProblem($"$.steps[{s.index}].owner.ownerId", $"no HubSpot owner of this workspace has the id '{((CreateTaskStep)s.step).Owner.OwnerId}'.")));
        return problems.Count == 0 ? read : new SequenceReadResult(null, problems);
    }

    private async Task<HashSet<string>> KnownContentAsync(List<string> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var guids = ids.Select(id => Guid.TryParse(id, out var guid) ? guid : (Guid?)null).OfType<Guid>().ToList();
        var found = await database.ContentItems.Where(c => c.ArchivedAt == null && (guids.Contains(c.Id) || (c.ExternalId != null && ids.Contains(c.ExternalId))))
            .Select(c => new { c.Id, c.ExternalId }).ToListAsync(cancellationToken);
        return [.. found.Select(c => c.Id.ToString()).Concat(found.Select(c => c.ExternalId).OfType<string>()).Where(ids.Contains)];
    }

    /// <summary>Problems as a validation problem's errors, keyed by JSON path.</summary>
    public static Dictionary<string, string[]> AsErrors(IReadOnlyList<SequenceProblem> problems) =>
        problems.GroupBy(p => p.Path).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray());
}
