using Abm.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Tests.Privacy;

/// <summary>A contact with one row in every table that can hold something about a person, for export and erasure tests.</summary>
internal static class PrivacyData
{
    /// <summary>The tables <see cref="SeedEverywhereAsync"/> puts the contact in (the export's own audit entry adds <c>audit_log</c>).</summary>
    public static readonly string[] Tables =
    [
        "contacts", "engagement_events", "contact_scores", "lead_scores", "recommendations", "recommendation_feedback", "experiment_exposures", "nurture_enrollments",
        "nurture_actions", "sales_tasks", "hubspot_outbox", "contact_suppressions", "audit_log", "deal_contacts", "webhook_record_marks", "webhook_inbox_events",
    ];

    /// <summary>A fresh workspace (so table scans see only the test's rows) and an admin's client in it.</summary>
    public static async Task<(Guid Workspace, HttpClient Admin)> AdminInNewWorkspaceAsync(AbmServerFactory server)
    {
        var workspace = await server.CreateWorkspaceAsync($"Privacy {Guid.NewGuid():N}");
        return (workspace, server.ClientWithKey((await server.CreateKeyAsync("admin", workspace)).Key));
    }

    public static async Task<Contact> SeedEverywhereAsync(AbmServerFactory server, Guid workspace)
    {
        var seeded = await server.SeedContactAsync(workspace, "Chief Data Officer");
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        await using var database = server.OpenDatabase();
        var contact = await database.Contacts.IgnoreQueryFilters().SingleAsync(c => c.Id == seeded.Id);
        (contact.FirstName, contact.LastName, contact.JourneyStageOverride) = ("Ada", $"Lovelace{Guid.NewGuid():N}"[..20], "decision");
        var content = new ContentItem { Id = Guid.NewGuid(), WorkspaceId = workspace, Title = "Guide", ContentType = "guide" };
        var sequence = new NurtureSequence { Id = Guid.NewGuid(), WorkspaceId = workspace, Key = $"seq-{Guid.NewGuid():N}", Name = "Welcome", CreatedAt = now, UpdatedAt = now };
        var enrollment = new NurtureEnrollment { Id = Guid.CreateVersion7(), WorkspaceId = workspace, ContactId = contact.Id, SequenceId = sequence.Id, EnrolledAt = now };
        var deal = new Deal { Id = Guid.NewGuid(), WorkspaceId = workspace, HubSpotId = Guid.NewGuid().ToString("N")[..12], Name = "Renewal", CreatedAt = now, UpdatedAt = now };
        var experiment = new Experiment { Id = Guid.NewGuid(), WorkspaceId = workspace, Key = $"exp-{Guid.NewGuid():N}", Name = "Weights", CreatedAt = now };
        database.AddRange(content, sequence, enrollment, deal, experiment);
        database.AddRange(
            new EngagementEvent { WorkspaceId = workspace, Id = Guid.CreateVersion7(), ContactId = contact.Id, OccurredAt = now.AddDays(-1), EventType = "website_visit", Source = "tracking", CreatedAt = now },
            new ContactScore { Id = Guid.CreateVersion7(), WorkspaceId = workspace, ContactId = contact.Id, Score = 42, ComputedAt = now },
            new LeadScore { Id = Guid.CreateVersion7(), WorkspaceId = workspace, ContactId = contact.Id, Score = 71, Fit = "strong", NextAction = "call", Priority = "high", Reasoning = "Data leader at a target account", Method = "rules", ScoredAt = now, IsCurrent = true },
            new Recommendation { Id = Guid.CreateVersion7(), WorkspaceId = workspace, ContactId = contact.Id, ContentId = content.Id, Rank = 1, Score = 0.9, Reason = "matches stage", GeneratedAt = now },
            new ExperimentExposure { Id = Guid.CreateVersion7(), WorkspaceId = workspace, ExperimentId = experiment.Id, Arm = "control", UnitKey = contact.Id.ToString("N"), ContactId = contact.Id, ContentId = content.Id, ExposedAt = now },
            new RecommendationFeedback { Id = Guid.CreateVersion7(), WorkspaceId = workspace, ContactId = contact.Id, ContentId = content.Id, Verdict = "approved", DecidedBy = "marketer", DecidedAt = now },
            new NurtureAction { Id = Guid.CreateVersion7(), WorkspaceId = workspace, EnrollmentId = enrollment.Id, SequenceId = sequence.Id, ContactId = contact.Id, StepId = "s1", Kind = "email", CreatedAt = now, UpdatedAt = now },
            new SalesTask { Id = Guid.CreateVersion7(), WorkspaceId = workspace, ContactId = contact.Id, Subject = "Call Ada", DueAt = now },
            new HubSpotOutboxItem { Id = Guid.CreateVersion7(), WorkspaceId = workspace, ObjectType = "contacts", HubSpotId = contact.HubSpotId, Properties = """{"abm_content_engagement_score":"40"}""", NextAttemptAt = now, CreatedAt = now, UpdatedAt = now },
            new ContactSuppression { Id = Guid.CreateVersion7(), WorkspaceId = workspace, ContactId = contact.Id, Purpose = "profiling", Reason = "asked by phone", CreatedAt = now, CreatedBy = "admin" },
            new DealContact { WorkspaceId = workspace, DealId = deal.Id, ContactId = contact.Id },
            new WebhookRecordMark { WorkspaceId = workspace, ObjectType = "contacts", HubSpotId = contact.HubSpotId, LastOccurredAt = now },
            new WebhookInboxItem
            {
                Id = Guid.CreateVersion7(), WorkspaceId = workspace, ReceivedAt = now, NextAttemptAt = now, Status = "processed",
                Payload = $$"""[{"portalId":1,"objectId":{{contact.HubSpotId}},"subscriptionType":"contact.propertyChange","propertyName":"email","propertyValue":"{{contact.Email}}","occurredAt":1}]""",
            });
        await database.SaveChangesAsync();
        return contact;
    }
}
