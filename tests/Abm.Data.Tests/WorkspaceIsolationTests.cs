using Abm.Data.Entities;
using Abm.Testing;
using Microsoft.EntityFrameworkCore;

namespace Abm.Data.Tests;

public sealed class WorkspaceIsolationTests
{
    private sealed class FixedWorkspace(Guid? id) : ICurrentWorkspace
    {
        public Guid? WorkspaceId => id;
    }

    [Fact]
    public async Task Query_ContextScopedToOneWorkspace_NeverSeesAnotherWorkspacesRows()
    {
        await using var database = await TestDatabase.CreateAsync();
        await MigratorFactory.For(database.Target).ApplyAsync();
        var (a, b) = (Guid.NewGuid(), Guid.NewGuid());
        await using (var system = Open(database, null))
        {
            system.Workspaces.AddRange(Workspace(a, "A"), Workspace(b, "B"));
            system.Contacts.AddRange(Contact(a, "1"), Contact(a, "2"), Contact(b, "1"));
            system.ContentItems.Add(new ContentItem { Id = Guid.NewGuid(), WorkspaceId = b, Title = "B only", ContentType = "whitepaper", TargetIndustries = ["retail"] });
            await system.SaveChangesAsync();
        }

        await using var scopedToA = Open(database, a);
        await using var scopedToB = Open(database, b);
        await using var unscoped = Open(database, null);

        (await scopedToA.Contacts.Select(c => c.WorkspaceId).ToListAsync()).ShouldAllBe(w => w == a);
        (await scopedToA.Contacts.CountAsync()).ShouldBe(2);
        (await scopedToA.ContentItems.CountAsync()).ShouldBe(0);
        (await scopedToB.Contacts.CountAsync()).ShouldBe(1);
        (await scopedToB.ContentItems.Select(c => c.TargetIndustries).SingleAsync()).ShouldBe(["retail"]);
        (await unscoped.Contacts.CountAsync()).ShouldBe(0);
        (await unscoped.Contacts.IgnoreQueryFilters().CountAsync()).ShouldBe(3);
    }

    [Fact]
    public async Task SaveChanges_SameHubSpotIdTwiceInOneWorkspace_IsRejectedButAllowedAcrossWorkspaces()
    {
        await using var database = await TestDatabase.CreateAsync();
        await MigratorFactory.For(database.Target).ApplyAsync();
        var (a, b) = (Guid.NewGuid(), Guid.NewGuid());
        await using (var setup = Open(database, null))
        {
            setup.Workspaces.AddRange(Workspace(a, "A"), Workspace(b, "B"));
            setup.Contacts.AddRange(Contact(a, "42"), Contact(b, "42"));
            await setup.SaveChangesAsync();
        }

        await using var context = Open(database, a);
        context.Contacts.Add(Contact(a, "42"));

        await Should.ThrowAsync<DbUpdateException>(() => context.SaveChangesAsync());
    }

    [Fact]
    public async Task DeleteWorkspace_WithRows_RemovesEverythingItOwns()
    {
        await using var database = await TestDatabase.CreateAsync();
        await MigratorFactory.For(database.Target).ApplyAsync();
        var a = Guid.NewGuid();
        await using (var setup = Open(database, null))
        {
            setup.Workspaces.Add(Workspace(a, "A"));
            setup.Contacts.Add(Contact(a, "1"));
            await setup.SaveChangesAsync();
        }

        await using var context = Open(database, null);
        await context.Workspaces.Where(w => w.Id == a).ExecuteDeleteAsync();

        (await context.Contacts.IgnoreQueryFilters().CountAsync()).ShouldBe(0);
    }

    private static AbmDbContext Open(TestDatabase database, Guid? workspace) =>
        new(database.Target.ContextOptions(), new FixedWorkspace(workspace));

    private static Workspace Workspace(Guid id, string name) =>
        new() { Id = id, Name = name, CreatedAt = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc), UpdatedAt = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc) };

    private static Contact Contact(Guid workspace, string hubSpotId) =>
        new() { Id = Guid.NewGuid(), WorkspaceId = workspace, HubSpotId = hubSpotId, Email = $"{hubSpotId}@example.com" };
}
