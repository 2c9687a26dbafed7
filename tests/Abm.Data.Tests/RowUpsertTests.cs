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

    private static async Task<Guid> MigratedWithWorkspaceAsync(TestDatabase database)
    {
        await MigratorFactory.For(database.Target).ApplyAsync();
        var workspace = Guid.NewGuid();
        await using var setup = new AbmDbContext(database.Target.ContextOptions());
        setup.Workspaces.Add(new Workspace { Id = workspace, Name = "A", CreatedAt = Monday, UpdatedAt = Monday });
        await setup.SaveChangesAsync();
        return workspace;
    }

    private static Contact NewContact(Guid workspace, string hubSpotId, string email) =>
        new() { Id = Guid.CreateVersion7(), WorkspaceId = workspace, HubSpotId = hubSpotId, Email = email, CreatedAt = Monday, UpdatedAt = Monday };
}
