using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Abm.Data.Bulk;

/// <summary>
/// Writes many rows of one entity with multi-row <c>INSERT … ON CONFLICT (key) DO UPDATE … RETURNING id</c>
/// statements, in whatever transaction the context has open. Change tracking costs more than the database's
/// own work when a sync writes pages of a hundred records (an insert or update statement, with its
/// parameters, per row); a few statements per page keep the write well inside the time HubSpot's rate limit
/// leaves between two pages. Both providers speak this SQL (SQLite 3.35+, PostgreSQL 9.5+); columns,
/// types and value conversions come from the EF model, so a value is stored exactly as EF would store it.
/// </summary>
public sealed class RowUpsert<T>
    where T : class
{
    private readonly IProperty[] _columns;
    private readonly string _statementHead;
    private readonly string _statementTail;

    /// <param name="database">A context whose model (and provider) the statement is built for.</param>
    /// <param name="conflictKey">The properties of the unique index that identifies a row (e.g. workspace and HubSpot id).</param>
    /// <param name="updated">The properties an existing row takes from the new one; every other column keeps its value. Empty: an existing row is left untouched and not returned.</param>
    public RowUpsert(DbContext database, IReadOnlyCollection<string> conflictKey, IReadOnlyCollection<string> updated)
        : this(database, conflictKey, indexFilter: null, updated, returned: null)
    {
    }

    internal RowUpsert(DbContext database, IReadOnlyCollection<string> conflictKey, string? indexFilter, IReadOnlyCollection<string> updated, string? returned)
    {
        var entity = database.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var sql = database.GetService<ISqlGenerationHelper>();
        _columns = [.. entity.GetProperties().Where(p => p.PropertyInfo is not null)];
        string Column(string property) => sql.DelimitIdentifier((entity.FindProperty(property) ?? throw new ArgumentException($"{typeof(T).Name} has no property {property}.", nameof(property))).GetColumnName());

        _statementHead = $"INSERT INTO {sql.DelimitIdentifier(entity.GetTableName()!)} ({string.Join(", ", _columns.Select(c => sql.DelimitIdentifier(c.GetColumnName())))}) VALUES ";
        var target = $" ON CONFLICT ({string.Join(", ", conflictKey.Select(Column))})" + (indexFilter is null ? "" : $" WHERE {indexFilter}");
        var action = updated.Count == 0 ? " DO NOTHING" : " DO UPDATE SET " + string.Join(", ", updated.Select(p => $"{Column(p)} = excluded.{Column(p)}"));
        _statementTail = target + action + $" RETURNING {Column(returned ?? entity.FindPrimaryKey()!.Properties.Single().Name)}";
    }

    /// <summary>Inserts or updates the rows; returns the primary key of every row written (an existing row keeps its own; one left alone is not returned).</summary>
    public Task<IReadOnlyList<Guid>> ExecuteAsync(DbContext database, IReadOnlyList<T> rows, CancellationToken cancellationToken) =>
        RowStatements.ExecuteAsync(database, rows, _columns.Length, BuildStatement, cancellationToken);

    private string BuildStatement(DbCommand command, T[] rows) =>
        RowStatements.AppendValues(new StringBuilder(_statementHead), command, _columns, rows).Append(_statementTail).ToString();
}

/// <summary>Statements of <see cref="RowUpsert{T}"/> that do something else than an upsert.</summary>
public static class RowUpsert
{
    /// <summary>
    /// Inserts only the rows whose key is not stored yet and leaves stored ones alone (<c>ON CONFLICT … DO
    /// NOTHING</c>); <see cref="RowUpsert{T}.ExecuteAsync"/> then returns the keys of the rows it inserted. For a partial unique
    /// index, <paramref name="indexFilter"/> repeats its <c>WHERE</c> clause (SQL), as both databases require.
    /// <paramref name="returned"/> names the unique <see cref="Guid"/> property returned for each inserted row.
    /// </summary>
    public static RowUpsert<T> InsertingNew<T>(DbContext database, IReadOnlyCollection<string> conflictKey, string returned, string? indexFilter = null)
        where T : class =>
        new(database, conflictKey, indexFilter, updated: [], returned);
}
