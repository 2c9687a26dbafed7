using Abm.Data.Migrator;
using Abm.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Abm.Data.Tests;

/// <summary>The SQL files are the schema; the EF model must describe exactly what they create.</summary>
public sealed class SchemaDriftTests
{
    [Fact]
    public async Task MigratedSchema_ComparedWithEfModel_MatchesTablesColumnsAndIndexes()
    {
        await using var database = await TestDatabase.CreateAsync();
        await MigratorFactory.For(database.Target).ApplyAsync();
        await using var context = new AbmDbContext(database.Target.ContextOptions());

        var expected = Describe(context.GetService<IDesignTimeModel>().Model);
        var actual = (await SchemaReader.ReadAsync(database.Target)).Tables
            .Where(t => t.Key != MigrationHistory.TableName)
            .ToDictionary(t => t.Key, t => t.Value);

        actual.Keys.Order().ShouldBe(expected.Keys.Order());
        foreach (var (table, shape) in expected)
        {
            actual[table].Columns.OrderBy(c => c.Name).ShouldBe(shape.Columns.OrderBy(c => c.Name), $"columns of {table}");
            actual[table].Indexes.OrderBy(i => i.Name).ShouldBe(shape.Indexes.OrderBy(i => i.Name), $"indexes of {table}");
        }
    }

    [Fact]
    public async Task MigratedSchema_SpecifiedIndexes_AllExist()
    {
        await using var database = await TestDatabase.CreateAsync();
        await MigratorFactory.For(database.Target).ApplyAsync();

        var indexes = (await SchemaReader.ReadAsync(database.Target)).Tables.Values.SelectMany(t => t.Indexes).ToDictionary(i => i.Name);

        foreach (var name in new[]
                 {
                     "idx_contacts_hubspot_id", "idx_contacts_journey_stage", "idx_engagement_events_contact_timestamp",
                     "idx_engagement_events_type", "idx_nurture_enrollments_due", "idx_content_items_type_industry",
                 })
        {
            indexes.ShouldContainKey(name);
        }

        indexes["idx_nurture_enrollments_due"].Filtered.ShouldBeTrue();
        indexes["idx_contacts_hubspot_id"].Unique.ShouldBeTrue();
        indexes["idx_companies_hubspot_id"].Unique.ShouldBeTrue();
        indexes["idx_deals_hubspot_id"].Unique.ShouldBeTrue();
    }

    private static Dictionary<string, TableShape> Describe(IModel model)
    {
        var tables = new Dictionary<string, TableShape>(StringComparer.Ordinal);
        foreach (var entity in model.GetEntityTypes())
        {
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            var columns = entity.GetProperties()
                .Select(p => new ColumnShape(p.GetColumnName(table)!, p.GetColumnType(table), p.IsColumnNullable(table)))
                .ToList();
            var indexes = entity.GetIndexes()
                .Select(i => new IndexShape(i.GetDatabaseName(table)!, i.IsUnique,
                    string.Join(',', i.Properties.Select(p => p.GetColumnName(table))), i.GetFilter(table) is not null))
                .ToList();
            tables[table.Name] = new TableShape(columns, indexes);
        }

        return tables;
    }
}
