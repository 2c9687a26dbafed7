using Abm.Data.Migrator;
using Abm.Testing;

namespace Abm.Data.Tests;

public sealed class SchemaMigratorTests
{
    [Fact]
    public async Task ApplyAsync_EmptyDatabase_AppliesEveryFileThenNothingOnSecondRun()
    {
        await using var database = await TestDatabase.CreateAsync();
        var migrator = MigratorFactory.For(database.Target);

        var first = await migrator.ApplyAsync();
        var second = await migrator.ApplyAsync();

        first.ShouldBe(migrator.Scripts.Select(s => s.Id).ToList());
        first.ShouldNotBeEmpty();
        second.ShouldBeEmpty();
        (await migrator.GetPendingAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task GetPendingAsync_EmptyDatabase_ListsEveryFile()
    {
        await using var database = await TestDatabase.CreateAsync();
        var migrator = MigratorFactory.For(database.Target);

        (await migrator.GetPendingAsync()).ShouldBe(migrator.Scripts.Select(s => s.Id).ToList());
    }

    [Fact]
    public async Task ApplyAsync_AppliedFileEdited_ThrowsNamingTheFile()
    {
        await using var database = await TestDatabase.CreateAsync();
        await MigratorFactory.For(database.Target).ApplyAsync();
        var original = MigratorFactory.For(database.Target).Scripts;
        var edited = original.Select((s, i) => i == 0 ? MigrationScript.FromText(s.Id, s.Sql + "\n-- changed") : s).ToList();
        var migrator = new SchemaMigrator(database.Target, TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<SchemaMigrator>.Instance) { Scripts = edited };

        var error = await Should.ThrowAsync<MigrationException>(() => migrator.ApplyAsync());
        var pendingError = await Should.ThrowAsync<MigrationException>(() => migrator.GetPendingAsync());

        error.Message.ShouldContain(original[0].Id);
        error.Message.ShouldContain("edited after it was applied");
        pendingError.Message.ShouldContain(original[0].Id);
    }

    [Fact]
    public async Task ApplyAsync_DatabaseHasUnknownMigration_Refuses()
    {
        await using var database = await TestDatabase.CreateAsync();
        var migrator = MigratorFactory.For(database.Target);
        await migrator.ApplyAsync();
        var older = new SchemaMigrator(database.Target, TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<SchemaMigrator>.Instance)
        {
            Scripts = [],
        };

        var error = await Should.ThrowAsync<MigrationException>(() => older.ApplyAsync());

        error.Message.ShouldContain("does not ship");
    }

    [Fact]
    public async Task ApplyAsync_NewFileAfterFirstRun_AppliesOnlyTheNewFile()
    {
        await using var database = await TestDatabase.CreateAsync();
        var migrator = MigratorFactory.For(database.Target);
        await migrator.ApplyAsync();
        var extra = MigrationScript.FromText("9999_test_extra.sql", "CREATE TABLE test_extra (id integer NOT NULL PRIMARY KEY);");
        var newer = new SchemaMigrator(database.Target, TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<SchemaMigrator>.Instance)
        {
            Scripts = [.. migrator.Scripts, extra],
        };

        (await newer.ApplyAsync()).ShouldBe(["9999_test_extra.sql"]);
    }

    [Fact]
    public async Task ApplyAsync_FailingFile_RollsBackThatFileAndKeepsEarlierOnes()
    {
        await using var database = await TestDatabase.CreateAsync();
        var migrator = MigratorFactory.For(database.Target);
        var broken = MigrationScript.FromText("9999_broken.sql", "CREATE TABLE half_done (id integer NOT NULL PRIMARY KEY); SELECT * FROM no_such_table;");
        var withBroken = new SchemaMigrator(database.Target, TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<SchemaMigrator>.Instance)
        {
            Scripts = [.. migrator.Scripts, broken],
        };

        await Should.ThrowAsync<Exception>(() => withBroken.ApplyAsync());

        (await withBroken.GetPendingAsync()).ShouldBe(["9999_broken.sql"]);
        (await SchemaReader.ReadAsync(database.Target)).Tables.Keys.ShouldNotContain("half_done");
    }

    [PostgresFact]
    public async Task ApplyAsync_TwoMigratorsAtOnce_ApplyEachFileExactlyOnce()
    {
        await using var database = await TestDatabase.CreateAsync();
        var migrators = Enumerable.Range(0, 4).Select(_ => MigratorFactory.For(database.Target)).ToList();

        var results = await Task.WhenAll(migrators.Select(m => Task.Run(() => m.ApplyAsync())));

        results.SelectMany(r => r).ShouldBe(migrators[0].Scripts.Select(s => s.Id).ToList(), ignoreOrder: true);
        (await migrators[0].GetPendingAsync()).ShouldBeEmpty();
    }
}
