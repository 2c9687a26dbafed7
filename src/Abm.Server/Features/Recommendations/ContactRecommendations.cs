using Abm.Data;
using Abm.Engines;
using Abm.Engines.Content;
using Abm.Engines.Recommendations;
using Abm.Server.Features.Engagement;
using Abm.Server.Features.Experiments;
using Abm.Server.Features.Observability;
using Abm.Server.Features.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Abm.Server.Features.Recommendations;

/// <summary>
/// Next-best content for a contact. Results are cached per contact and reused until the library changes, the
/// contact's engagement score moves by more than the configured delta, or someone approves or skips an item for
/// the contact (the verdicts are read on every call, so every server instance sees a new one at once). A contact who
/// withdrew profiling gets recommendations from no profile of the person: unknown persona, the first stage, no
/// preferred format (the company's industry, what the contact already read and the skipped items still count). A
/// contact in an arm of the running recommendation experiment is ranked as that arm says (its weights, or by
/// popularity), and the items it is shown are recorded as the experiment's exposures.
/// </summary>
internal sealed class ContactRecommendations(
    AbmDbContext database, RecommenderCache recommenders, EngagementSettingsStore settingsStore, RecommendationFeedbackStore feedback, IMemoryCache cache,
    ProfilingConsent profiling, ExperimentExposures experiments, ContentReach reach, IOptions<RecommendationOptions> options, AbmMetrics metrics,
    TimeProvider clock)
{
    // Arm: the running experiment's arm the contact was in ("" outside any), so starting or stopping one recomputes.
    // Recorded: the list was recorded as the experiment's exposures (a list computed for nurture's candidates is not).
    private sealed record CachedResult(string LibraryVersion, double Score, string Verdicts, bool Profiled, string Arm, RecommendationsResponse Response, bool Recorded);

    /// <summary>
    /// The contact's best <paramref name="k"/> items; null when there is no such contact. <paramref name="shown"/>: the
    /// list is shown to someone, so an experiment records it; nurture's candidate lists are not (its sends are).
    /// </summary>
    public async Task<RecommendationsResponse?> GetAsync(Guid contactId, int k, CancellationToken cancellationToken, bool shown = true)
    {
        var workspaceId = database.CurrentWorkspaceId!.Value;
        var contact = await database.Contacts.AsNoTracking().SingleOrDefaultAsync(c => c.Id == contactId, cancellationToken);
        if (contact is null)
        {
            return null;
        }

        var score = await database.ContactScores.Where(s => s.ContactId == contactId).Select(s => (double?)s.Score).SingleOrDefaultAsync(cancellationToken) ?? 0;
        // A contact in a running experiment's arm is ranked with the arm's weights, and what it is shown is recorded.
        var arm = await experiments.ArmForAsync(contact, cancellationToken);
        var (version, recommender) = arm is null
            ? await recommenders.GetAsync(database, workspaceId, cancellationToken)
            : await recommenders.GetAsync(database, workspaceId, arm.WeightsKey, arm.Weights, cancellationToken);
        var armKey = arm?.WeightsKey ?? "";
        var verdicts = await feedback.VerdictsAsync(contactId, cancellationToken);
        var verdictsKey = string.Join(',', verdicts.OrderBy(v => v.Key).Select(v => $"{v.Key}:{v.Value}"));
        var profiled = (await profiling.WithdrawnAsync([contactId], cancellationToken)).Count == 0;
        var key = (workspaceId, contactId, k);
        var hit = cache.TryGetValue(key, out CachedResult? cached) && cached!.LibraryVersion == version && cached.Verdicts == verdictsKey
            && cached.Profiled == profiled && cached.Arm == armKey && Math.Abs(cached.Score - score) <= options.Value.CacheScoreDelta;
        metrics.RecommendationLookup(hit);
        if (hit)
        {
            if (arm is not null && shown && !cached!.Recorded)
            {
                await experiments.RecordAsync(arm, contact, [.. cached.Response.Items.Select(i => i.ContentId)], cancellationToken);
                cache.Set(key, cached with { Recorded = true }, TimeSpan.FromMinutes(options.Value.CacheMinutes));
            }

            return cached!.Response with { FromCache = true };
        }

        var skipped = verdicts.Where(v => v.Value == FeedbackVerdicts.Skipped).Select(v => v.Key);
        var profile = await BuildProfileAsync(contact, workspaceId, skipped, cancellationToken);
        if (!profiled)
        {
            profile = profile with { Persona = Engines.Personas.Persona.Unknown, Stage = Engines.Journey.JourneyStage.ProblemAwareness, Formats = FormatPreference.None };
        }

        var recommended = arm is { ByPopularity: true }
            ? recommender.RecommendPopular(profile, await reach.ByItemAsync(cancellationToken), k)
            : recommender.Recommend(profile, k);
        // The engine knows items by id only; their URL and external id come from the library in one query for the page.
        var ids = recommended.Select(r => Guid.Parse(r.ContentId)).ToList();
        var locations = await database.ContentItems.Where(c => ids.Contains(c.Id)).Select(c => new { c.Id, c.Url, c.ExternalId })
            .ToDictionaryAsync(c => c.Id, c => (c.Url, c.ExternalId), cancellationToken);
        var response = new RecommendationsResponse(contactId, clock.GetUtcNow().UtcDateTime, false,
            [.. recommended.Select(r => RecommendationItem.From(r, locations.GetValueOrDefault(Guid.Parse(r.ContentId)), verdicts.GetValueOrDefault(Guid.Parse(r.ContentId))))]);
        if (arm is not null && shown)
        {
            await experiments.RecordAsync(arm, contact, ids, cancellationToken);
        }

        cache.Set(key, new CachedResult(version, score, verdictsKey, profiled, armKey, response, arm is not null && shown), TimeSpan.FromMinutes(options.Value.CacheMinutes));
        return response;
    }

    // skipped: items someone ruled out for this contact; never recommended, but no sign of what it reads.
    private async Task<ContactProfile> BuildProfileAsync(Data.Entities.Contact contact, Guid workspaceId, IEnumerable<Guid> skipped, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var settings = await settingsStore.LoadAsync(workspaceId, cancellationToken);
        var facts = (await ContactFactsLoader.LoadAsync(database, [contact.Id], now, settings, cancellationToken))[contact.Id];
        var industry = contact.CompanyId is { } companyId
            ? await database.Companies.Where(c => c.Id == companyId).Select(c => c.Industry).SingleOrDefaultAsync(cancellationToken)
            : null;
        // Everything ever consumed is excluded, not just what is inside the scoring window. The open-ended time
        // bound is there for SQLite's planner: with it the (contact, time) index matches two columns and wins;
        // without it SQLite, which has no statistics, reads every event of the workspace through (workspace, type).
        var consumed = await database.EngagementEvents.Where(e => e.ContactId == contact.Id && e.OccurredAt >= DateTime.MinValue && e.ContentId != null)
            .Select(e => e.ContentId!.Value).Distinct().ToListAsync(cancellationToken);
        return new ContactProfile(
            LibraryMapping.ContactIndustry(industry),
            WireNames.TryParsePersona(contact.PersonaType, out var persona) ? persona : Engines.Personas.Persona.Unknown,
            WireNames.TryParseJourneyStage(contact.JourneyStage, out var stage) ? stage : Engines.Journey.JourneyStage.ProblemAwareness,
            FormatPreferenceInference.Infer(facts.ContentInteractions, now, settings),
            consumed.Select(id => id.ToString()).ToList(),
            skipped.Select(id => id.ToString()).ToList());
    }
}
