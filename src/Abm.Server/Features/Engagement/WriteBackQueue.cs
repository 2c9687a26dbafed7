using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Abm.Data;
using Abm.Data.Entities;
using Abm.Engines;
using Abm.Engines.Content;
using Abm.Engines.Insights;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Features.Engagement;

/// <summary>
/// Queues property values for HubSpot in the outbox, one pending row per record: a newer value merges into
/// the pending row, so however often a record changes it is written once per write-back batch.
/// </summary>
internal sealed class WriteBackQueue(AbmDbContext database, TimeProvider clock)
{
    public const string ContactObject = "contacts";
    public const string CompanyObject = "companies";

    /// <summary>The insight last queued (pending or sent) per contact HubSpot id: what HubSpot has or is about to have.</summary>
    public async Task<Dictionary<string, ContactInsight>> LastContactInsightsAsync(IReadOnlyCollection<string> hubSpotIds, CancellationToken cancellationToken)
    {
        var rows = await database.HubSpotOutbox
            .Where(o => o.ObjectType == ContactObject && hubSpotIds.Contains(o.HubSpotId))
            .Select(o => new { o.HubSpotId, o.Properties, o.UpdatedAt })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.HubSpotId)
            .Select(g => (Id: g.Key, Insight: ParseInsight(g.OrderByDescending(r => r.UpdatedAt).First().Properties)))
            .Where(x => x.Insight is not null)
            .ToDictionary(x => x.Id, x => x.Insight!, StringComparer.Ordinal);
    }

    /// <summary>
    /// Loads the pending rows of these records into the unit of work in one query, so that queueing a
    /// whole chunk of records costs no query per record.
    /// </summary>
    public async Task PreloadPendingAsync(string objectType, IReadOnlyCollection<string> hubSpotIds, CancellationToken cancellationToken) =>
        await database.HubSpotOutbox
            .Where(o => o.ObjectType == objectType && o.Status == "pending" && hubSpotIds.Contains(o.HubSpotId))
            .LoadAsync(cancellationToken);

    public void EnqueueContact(Contact contact, ContactInsight insight) =>
        Enqueue(contact.WorkspaceId, ContactObject, contact.HubSpotId, new Dictionary<string, string>
        {
            ["abm_content_engagement_score"] = Math.Round(insight.Score).ToString(CultureInfo.InvariantCulture),
            ["abm_journey_stage"] = insight.Stage.ToWireName(),
            ["abm_persona_classification"] = insight.Persona.ToWireName(),
            ["abm_preferred_content_format"] = insight.PreferredFormat?.ToWireName() ?? "",
            ["abm_last_content_interaction"] = contact.LastInteractionAt is { } at
                ? new DateTimeOffset(at).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)
                : "",
        });

    /// <summary>Any contact property values (a nurture step's <c>update_property</c>), merged into the record's pending row.</summary>
    public void EnqueueContactProperties(Contact contact, Dictionary<string, string> properties) =>
        Enqueue(contact.WorkspaceId, ContactObject, contact.HubSpotId, properties);

    public void EnqueueCompany(Company company, double velocity) =>
        Enqueue(company.WorkspaceId, CompanyObject, company.HubSpotId, new Dictionary<string, string>
        {
            ["abm_engagement_velocity"] = Math.Round(velocity, 1).ToString(CultureInfo.InvariantCulture),
        });

    /// <summary>
    /// The tracked pending row of the record, if any. <c>Local</c> would first detect changes across every tracked
    /// entity, on each call: a batch of N records then costs N times everything tracked (15 s for 500 scored leads). Which
    /// rows are tracked does not depend on that detection (added and loaded rows are tracked at once), and SaveChanges
    /// detects the changes anyway, so it is off for the lookup.
    /// </summary>
    private HubSpotOutboxItem? PendingRow(string objectType, string hubSpotId)
    {
        var tracker = database.ChangeTracker;
        var detect = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            return database.HubSpotOutbox.Local.FirstOrDefault(o => Matches(o, objectType, hubSpotId));
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = detect;
        }
    }

    /// <summary>Merges into the pending row of the record, which the caller preloaded with <see cref="PreloadPendingAsync"/>.</summary>
    private void Enqueue(Guid workspaceId, string objectType, string hubSpotId, Dictionary<string, string> properties)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var pending = PendingRow(objectType, hubSpotId);
        if (pending is null)
        {
            database.HubSpotOutbox.Add(new HubSpotOutboxItem
            {
                Id = Guid.CreateVersion7(),
                WorkspaceId = workspaceId,
                ObjectType = objectType,
                HubSpotId = hubSpotId,
                Properties = JsonSerializer.Serialize(properties),
                NextAttemptAt = now,
                CreatedAt = now,
                UpdatedAt = now,
            });
            return;
        }

        var merged = JsonNode.Parse(pending.Properties)!.AsObject();
        foreach (var (name, value) in properties)
        {
            merged[name] = value;
        }

        pending.Properties = merged.ToJsonString();
        pending.UpdatedAt = now;
    }

    private static bool Matches(HubSpotOutboxItem item, string objectType, string hubSpotId) =>
        item.Status == "pending" && item.ObjectType == objectType && item.HubSpotId == hubSpotId;

    private static ContactInsight? ParseInsight(string json)
    {
        var properties = JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [];
        if (!properties.TryGetValue("abm_content_engagement_score", out var score) ||
            !double.TryParse(score, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ||
            !WireNames.TryParseJourneyStage(properties.GetValueOrDefault("abm_journey_stage"), out var stage) ||
            !WireNames.TryParsePersona(properties.GetValueOrDefault("abm_persona_classification"), out var persona))
        {
            return null;
        }

        ContentType? format = WireNames.TryParseContentType(properties.GetValueOrDefault("abm_preferred_content_format"), out var parsed) ? parsed : null;
        return new ContactInsight(value, stage, persona, format);
    }
}
