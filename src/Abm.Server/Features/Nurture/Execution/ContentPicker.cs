using Abm.Data;
using Abm.Data.Entities;
using Abm.Engines;
using Abm.Engines.Nurture;
using Abm.Server.Features.Recommendations;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Features.Nurture.Execution;

/// <summary>
/// The item a <c>send_content</c> step emails: its fixed item, or the recommender's best item the contact was not
/// sent by any sequence and did not consume (the recommender leaves consumed items out), within the step's types
/// and stages. Null: nothing is left to send.
/// </summary>
internal sealed class ContentPicker(AbmDbContext database, ContactRecommendations recommendations)
{
    private const int Candidates = 25;

    public async Task<ContentItem?> PickAsync(SendContentStep step, Guid contactId, CancellationToken cancellationToken)
    {
        if (step.FixedContentId is { } fixedId)
        {
            var guid = Guid.TryParse(fixedId, out var parsed) ? parsed : (Guid?)null;
            return await database.ContentItems.AsNoTracking()
                .FirstOrDefaultAsync(c => c.ArchivedAt == null && (c.Id == guid || c.ExternalId == fixedId), cancellationToken);
        }

        var sent = await database.NurtureActions.Where(a => a.ContactId == contactId && a.Kind == ActionKinds.SendContent && a.ContentId != null
                && (a.Status == ActionStatus.Done || a.Status == ActionStatus.Pending || a.Status == ActionStatus.Failed))
            .Select(a => a.ContentId!.Value).Distinct().ToListAsync(cancellationToken);
        // Candidates, not shown to anyone: an experiment records the item sent, once HubSpot accepts it.
        var ranked = (await recommendations.GetAsync(contactId, Candidates, cancellationToken, shown: false))?.Items ?? [];
        var ids = ranked.Select(r => r.ContentId).Where(id => !sent.Contains(id)).ToList();
        var items = await database.ContentItems.AsNoTracking().Where(c => ids.Contains(c.Id) && c.ArchivedAt == null).ToDictionaryAsync(c => c.Id, cancellationToken);
        var types = step.Types.Select(t => t.ToWireName()).ToHashSet(StringComparer.Ordinal);
        var stages = step.Stages.Select(s => s.ToWireName()).ToHashSet(StringComparer.Ordinal);
        return ids.Select(items.GetValueOrDefault).OfType<ContentItem>().FirstOrDefault(item =>
            (types.Count == 0 || types.Contains(item.ContentType)) && (stages.Count == 0 || item.TargetJourneyStages.Any(stages.Contains)));
    }
}
