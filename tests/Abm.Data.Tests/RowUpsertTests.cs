using Abm.Data.Bulk;
using Abm.Data.Entities;
using Abm.Testing;
using Microsoft.EntityFrameworkCore;

namespace Abm.Data.Tests;

public sealed class RowUpsertTests
{
    private static readonly DateTime Monday = new(2026, 3, 2, 9, 30, 15, 123, DateTimeKind.Utc);
    private static readonly string[] Key = [nameof(Contact.WorkspaceId), nameof(Contact.HubSpotId)];
    private static readonly string[] Synced = [nameof(Contact.Email), nameof(Contact.Segments), nameof(Contact.Properties), nameof(Contact.UpdatedAt), nameof(Contact.ArchivedAt)];

    [Fact]
    public async Task Execute_NewAndKnownRows_InsertsTheNewUpdatesOnlyTheNamedColumnsOfTheKnownAndKeepsTheirIds()
    {
        await using var database = await TestDatabase.CreateAsync();
        var workspace = await MigratedWithWorkspaceAsync(database);
        var existing = NewContact(workspace, "1", "old@example.com");
        (existing.EngagementScore, existing.PersonaType, existing.ArchivedAt) = (73, "technical_buyer", Monday);
        await using (var setup = new AbmDbContext(database.Target.ContextOptions()))
        {
            setup.Contacts.Add(existing);
            await setup.SaveChangesAsync();
        }

        var update = NewContact(workspace, "1", "new@example.com");
        (update.Segments, update.Properties, update.UpdatedAt) = (["engaged", "high_value"], """{"email":"new@example.com"}""", Monday.AddDays(1));
        var fresh = NewContact(workspace, "2", "fresh@example.com");
        IReadOnlyList<Guid> written;
        await using (var context = new AbmDbContext(database.Target.ContextOptions()))
        {
            await using var transaction = await context.Database.BeginTransactionAsync();
            written = await new RowUpsert<Contact>(context, Key, Synced).ExecuteAsync(context, [update, fresh], CancellationToken.None);
            await transaction.CommitAsync();
        }

        written.Order().ShouldBe(new[] { existing.Id, fresh.Id }.Order());
        await using var check = new AbmDbContext(database.Target.ContextOptions());
        var rows = await check.Contacts.IgnoreQueryFilters().OrderBy(c => c.HubSpotId).ToListAsync();
        rows.Count.ShouldBe(2);
        var updated = rows[0];
        (updated.Id, updated.Email, updated.UpdatedAt, updated.ArchivedAt).ShouldBe((existing.Id, "new@example.com", Monday.AddDays(1), null));
        updated.Segments.ShouldBe(["engaged", "high_value"]);
        updated.Properties.ShouldContain("new@example.com");
        // Columns not named keep what they had: the engines' scores and the first creation time.
        (updated.EngagementScore, updated.PersonaType, updated.CreatedAt).ShouldBe((73, "technical_buyer", Monday));
        (rows[1].Id, rows[1].Email, rows[1].CreatedAt.Kind).ShouldBe((fresh.Id, "fresh@example.com", DateTimeKind.Utc));
    }

    [Fact]
    public async Task Execute_MoreRowsThanOneStatementHolds_WritesEveryRowOnce()
    {
        await using var database = await TestDatabase.CreateAsync();
        var workspace = await MigratedWithWorkspaceAsync(database);

        var rows = Enumerable.Range(1, 95).Select(i => NewContact(workspace, $"{i}", $"{i}@example.com")).ToList();
        await using var context = new AbmDbContext(database.Target.ContextOptions());
        var upsert = new RowUpsert<Contact>(context, Key, Synced);

        var written = await upsert.ExecuteAsync(context, rows, CancellationToken.None);
        var again = await upsert.ExecuteAsync(context, rows, CancellationToken.None);

        written.Order().ShouldBe(rows.Select(r => r.Id).Order());
        again.Order().ShouldBe(written.Order());
        (await context.Contacts.IgnoreQueryFilters().CountAsync()).ShouldBe(95);
    }

    [Fact]
    public async Task Execute_WithoutCommit_WritesNothing()
    {
        await using var database = await TestDatabase.CreateAsync();
        var workspace = await MigratedWithWorkspaceAsync(database);

        await using (var context = new AbmDbContext(database.Target.ContextOptions()))
        {
            await using var transaction = await context.Database.BeginTransactionAsync();
            await new RowUpsert<Contact>(context, Key, Synced).ExecuteAsync(context, [NewContact(workspace, "1", "a@example.com")], CancellationToken.None);
            await transaction.RollbackAsync();
        }

        await using var check = new AbmDbContext(database.Target.ContextOptions());
        (await check.Contacts.IgnoreQueryFilters().CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task InsertingNew_RowsWhoseKeyIsStored_LeavesThemAloneAndReturnsOnlyTheInserted()
    {
        await using var database = await TestDatabase.CreateAsync();
        var workspace = await MigratedWithWorkspaceAsync(database);
        var contact = NewContact(workspace, "1", "a@example.com");
        var stored = NewEvent(workspace, contact.Id, "hubspot-email-1", "email_open");
        await using (var setup = new AbmDbContext(database.Target.ContextOptions()))
        {
            setup.Contacts.Add(contact);
            setup.EngagementEvents.Add(stored);
            await setup.SaveChangesAsync();
        }

        // The same client id again (another type, to see it was not overwritten), a new one, and two with no
        // client id, which the partial unique index does not cover: both are inserted.
        var again = NewEvent(workspace, contact.Id, "hubspot-email-1", "email_click");
        var fresh = NewEvent(workspace, contact.Id, "hubspot-email-2", "email_click");
        var anonymous = new[] { NewEvent(workspace, contact.Id, null, "page_view"), NewEvent(workspace, contact.Id, null, "page_view") };
        await using var context = new AbmDbContext(database.Target.ContextOptions());
        var insert = RowUpsert.InsertingNew<EngagementEvent>(
            context, [nameof(EngagementEvent.WorkspaceId), nameof(EngagementEvent.ClientEventId)], nameof(EngagementEvent.Id), "client_event_id IS NOT NULL");

        var written = await insert.ExecuteAsync(context, [again, fresh, .. anonymous], CancellationToken.None);

        written.Order().ShouldBe(new[] { fresh.Id, anonymous[0].Id, anonymous[1].Id }.Order());
        var rows = await context.EngagementEvents.IgnoreQueryFilters().AsNoTracking().ToListAsync();
        rows.Count.ShouldBe(4);
        rows.Single(e => e.ClientEventId == "hubspot-email-1").ShouldSatisfyAllConditions(
            e => e.Id.ShouldBe(stored.Id), e => e.EventType.ShouldBe("email_open"));
    }

    [Fact]
    public async Task Execute_NothingToUpdate_KeepsAKnownRowAsItIsAndReturnsOnlyTheInserted()
    {
        await using var database = await TestDatabase.CreateAsync();
        var workspace = await MigratedWithWorkspaceAsync(database);
        await using var context = new AbmDbContext(database.Target.ContextOptions());
        var insertOnly = new RowUpsert<Contact>(context, Key, []);
        var first = NewContact(workspace, "1", "first@example.com");
        await insertOnly.ExecuteAsync(context, [first], CancellationToken.None);

        var written = await insertOnly.ExecuteAsync(context, [NewContact(workspace, "1", "second@example.com"), NewContact(workspace, "2", "b@example.com")], CancellationToken.None);

        written.Count.ShouldBe(1);
        var rows = await context.Contacts.IgnoreQueryFilters().AsNoTracking().OrderBy(c => c.HubSpotId).ToListAsync();
        (rows[0].Id, rows[0].Email).ShouldBe((first.Id, "first@example.com"));
        rows[1].Id.ShouldBe(written[0]);
    }

    [Fact]
    public async Task Update_RowsOverSeveralStatements_WritesTheNamedColumnsOfTheRowsTheConditionKeeps()
    {
        await using var database = await TestDatabase.CreateAsync();
        var workspace = await MigratedWithWorkspaceAsync(database);
        var rows = Enumerable.Range(1, 150).Select(i => NewContact(workspace, $"{i}", $"{i}@example.com")).ToList();
        rows[7].ArchivedAt = Monday;
        await using (var setup = new AbmDbContext(database.Target.ContextOptions()))
        {
            setup.Contacts.AddRange(rows);
            await setup.SaveChangesAsync();
        }

        foreach (var row in rows)
        {
            (row.Email, row.EngagementScore, row.UpdatedAt, row.PersonaType) = ($"new-{row.HubSpotId}@example.com", 40, Monday.AddHours(1), "champion");
        }

        IReadOnlyList<Guid> written;
        await using (var context = new AbmDbContext(database.Target.ContextOptions()))
        {
            var update = new RowUpdate<Contact>(context, [nameof(Contact.Email), nameof(Contact.EngagementScore), nameof(Contact.UpdatedAt)], "\"archived_at\" IS NULL");
            written = await update.ExecuteAsync(context, rows, CancellationToken.None);
        }

        written.Order().ShouldBe(rows.Where(r => r.ArchivedAt is null).Select(r => r.Id).Order());
        await using var check = new AbmDbContext(database.Target.ContextOptions());
        var stored = await check.Contacts.IgnoreQueryFilters().ToDictionaryAsync(c => c.Id);
        stored[rows[0].Id].Email.ShouldBe("new-1@example.com");
        (stored[rows[0].Id].EngagementScore, stored[rows[0].Id].UpdatedAt, stored[rows[0].Id].PersonaType).ShouldBe((40, Monday.AddHours(1), "unknown"));
        stored[rows[7].Id].Email.ShouldBe("8@example.com"); // the condition left the archived row alone
        stored[rows[149].Id].Email.ShouldBe("new-150@example.com");
    }

    private static async Task<Guid> MigratedWithWorkspaceAsync(TestDatabase database)
    {
        await MigratorFactory.For(database.Target).ApplyAsync();
        var workspace = Guid.NewGuid();
        await using var setup = new AbmDbContext(database.Target.ContextOptions());
        setup.Workspaces.Add(new Workspace { Id = workspace, Name = "A", CreatedAt = Monday, UpdatedAt = Monday });
        await setup.SaveChangesAsync();
        return workspace;
    }

    private static EngagementEvent NewEvent(Guid workspace, Guid contact, string? clientEventId, string type) => new()
    {
        Id = Guid.CreateVersion7(), WorkspaceId = workspace, ContactId = contact, OccurredAt = Monday, EventType = type, Source = "hubspot",
        ClientEventId = clientEventId, CreatedAt = Monday,
    };

    private static Contact NewContact(Guid workspace, string hubSpotId, string email) =>
        new() { Id = Guid.CreateVersion7(), WorkspaceId = workspace, HubSpotId = hubSpotId, Email = email, CreatedAt = Monday, UpdatedAt = Monday };
}
