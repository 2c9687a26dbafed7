using Abm.Data.Entities;

namespace Abm.Server.Tests.Analytics;

/// <summary>Contacts, deals, email events and sync checkpoints written straight to the database, as sync would leave them.</summary>
internal static class AnalyticsSeed
{
    public static DateTime At(int year, int month, int day, int hour = 12) => new(year, month, day, hour, 0, 0, DateTimeKind.Utc);

    public static async Task<Contact[]> ContactsAsync(AbmServerFactory server, Guid workspace, params (DateTime? Created, string? Stage, string? Source, bool Archived)[] specs)
    {
        var contacts = specs.Select(s => new Contact
        {
            Id = Guid.NewGuid(), WorkspaceId = workspace, HubSpotId = NextId(), Email = $"analytics.{Guid.NewGuid():N}@buyer.example",
            HubSpotCreatedAt = s.Created, LifecycleStage = s.Stage, OriginalSource = s.Source, ArchivedAt = s.Archived ? At(2026, 6, 1) : null,
        }).ToArray();
        await using var database = server.OpenDatabase();
        database.Contacts.AddRange(contacts);
        await database.SaveChangesAsync();
        return contacts;
    }

    public static async Task DealsAsync(AbmServerFactory server, Guid workspace, params (string Stage, decimal? Amount, DateTime? Created, DateTime? Closed)[] specs)
    {
        await using var database = server.OpenDatabase();
        database.Deals.AddRange(specs.Select(s => new Deal
        {
            Id = Guid.NewGuid(), WorkspaceId = workspace, HubSpotId = NextId(), Name = "Deal", Stage = s.Stage, Pipeline = "default",
            Amount = s.Amount, HubSpotCreatedAt = s.Created, CloseDate = s.Closed,
        }));
        await database.SaveChangesAsync();
    }

    public static async Task EmailEventsAsync(AbmServerFactory server, Guid workspace, Guid contactId, params (string Type, DateTime At)[] events)
    {
        await using var database = server.OpenDatabase();
        database.EngagementEvents.AddRange(events.Select(e => new EngagementEvent
        {
            WorkspaceId = workspace, Id = Guid.NewGuid(), OccurredAt = e.At, ContactId = contactId, EventType = e.Type, Source = "hubspot", CreatedAt = e.At,
        }));
        await database.SaveChangesAsync();
    }

    /// <summary>One marketing email send with a recipient per (outcome, sent at).</summary>
    public static async Task MarketingSendAsync(AbmServerFactory server, Guid workspace, params (string Outcome, DateTime? SentAt)[] recipients)
    {
        await using var database = server.OpenDatabase();
        var send = new MarketingEmailSend { Id = Guid.CreateVersion7(), WorkspaceId = workspace, EmailId = "710001", Status = "sent", CreatedBy = "test", CreatedAt = DateTime.UnixEpoch };
        database.Add(send);
        database.AddRange(recipients.Select(r => new MarketingEmailRecipient
        {
            WorkspaceId = workspace, SendId = send.Id, HubSpotContactId = Guid.NewGuid().ToString("N")[..10], Outcome = r.Outcome, SentAt = r.SentAt,
        }));
        await database.SaveChangesAsync();
    }

    public static async Task SyncedAsync(AbmServerFactory server, Guid workspace, string objectType, DateTime lastRunAt)
    {
        await using var database = server.OpenDatabase();
        database.SyncStates.Add(new SyncState
        {
            Id = Guid.NewGuid(), WorkspaceId = workspace, ObjectType = objectType, FullSyncCompleted = true, LastRunAt = lastRunAt, IncrementalWatermark = lastRunAt, UpdatedAt = lastRunAt,
        });
        await database.SaveChangesAsync();
    }

    private static string NextId() => Random.Shared.NextInt64(1, long.MaxValue).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
