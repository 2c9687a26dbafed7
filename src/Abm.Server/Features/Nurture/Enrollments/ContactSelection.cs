using Abm.Data;
using Abm.Engines;
using Abm.HubSpot;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Features.Nurture.Enrollments;

/// <summary>The contacts a bulk enrolment names: a segment's members, or those a filter matches (never archived ones).</summary>
internal static class ContactSelection
{
    /// <summary>The most contacts one bulk enrolment selects; larger groups are enrolled in parts (by narrower filters).</summary>
    public const int MaxSelected = 100_000;

    public static (string Field, string Message)? Problem(ContactFilter filter)
    {
        if (filter.Stage is { } stage && !WireNames.TryParseJourneyStage(stage, out _))
        {
            return ("filter.stage", $"'{stage}' is not a journey stage.");
        }

        if (filter.Persona is { } persona && !WireNames.TryParsePersona(persona, out _))
        {
            return ("filter.persona", $"'{persona}' is not a persona.");
        }

        if (filter.MinScore is < 0 or > 100 || filter.MaxScore is < 0 or > 100)
        {
            return (filter.MinScore is < 0 or > 100 ? "filter.minScore" : "filter.maxScore", "must be from 0 to 100.");
        }

        return filter is { Stage: null, Persona: null, MinScore: null, MaxScore: null, LifecycleStage: null }
            ? ("filter", "name at least one condition: stage, persona, minScore, maxScore or lifecycleStage.")
            : null;
    }

    public static Task<List<Guid>> InSegmentAsync(AbmDbContext database, string segment, CancellationToken cancellationToken) =>
        database.Contacts.Where(c => c.ArchivedAt == null && c.Segments.Contains(segment)).OrderBy(c => c.Id).Select(c => c.Id).Take(MaxSelected).ToListAsync(cancellationToken);

    /// <summary>The synced, live contacts among the members of HubSpot list <paramref name="listId"/> (read page by page from HubSpot).</summary>
    public static async Task<List<Guid>> InHubSpotListAsync(AbmDbContext database, HubSpotClient client, string listId, CancellationToken cancellationToken)
    {
        var selected = new List<Guid>();
        await foreach (var page in client.Lists.MembershipsAsync(listId, cancellationToken: cancellationToken))
        {
            selected.AddRange(await SyncedAsync(database, [.. page.Select(m => m.RecordId)], cancellationToken));
            if (selected.Count >= MaxSelected)
            {
                break;
            }
        }

        return [.. selected.Distinct().Order().Take(MaxSelected)];
    }

    /// <summary>The live local contacts among <paramref name="hubSpotIds"/> (HubSpot record ids), in id order.</summary>
    public static Task<List<Guid>> SyncedAsync(AbmDbContext database, IReadOnlyList<string> hubSpotIds, CancellationToken cancellationToken) =>
        database.Contacts.Where(c => c.ArchivedAt == null && hubSpotIds.Contains(c.HubSpotId)).OrderBy(c => c.Id).Select(c => c.Id).ToListAsync(cancellationToken);

    /// <summary>Whether <paramref name="listId"/> can name a HubSpot list (its number).</summary>
    public static bool IsHubSpotListId(string listId) => listId.Length is > 0 and <= 20 && listId.All(char.IsAsciiDigit);

    public static Task<List<Guid>> MatchingAsync(AbmDbContext database, ContactFilter filter, CancellationToken cancellationToken)
    {
        var query = database.Contacts.Where(c => c.ArchivedAt == null);
        query = filter.Stage is { } stage ? query.Where(c => (c.JourneyStageOverride ?? c.JourneyStage) == stage) : query;
        query = filter.Persona is { } persona ? query.Where(c => c.PersonaType == persona) : query;
        query = filter.MinScore is { } min ? query.Where(c => c.EngagementScore >= min) : query;
        query = filter.MaxScore is { } max ? query.Where(c => c.EngagementScore <= max) : query;
        query = filter.LifecycleStage is { } lifecycle ? query.Where(c => c.LifecycleStage == lifecycle) : query;
        return query.OrderBy(c => c.Id).Select(c => c.Id).Take(MaxSelected).ToListAsync(cancellationToken);
    }
}
