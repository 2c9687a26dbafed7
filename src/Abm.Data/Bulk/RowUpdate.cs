using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Abm.Data.Bulk;

/// <summary>
/// Updates some columns of many rows of one entity, each to its own values, with multi-row
/// <c>WITH v AS (VALUES …) UPDATE … FROM v WHERE id = v.id … RETURNING id</c> statements, in whatever transaction
/// the context has open: a few statements for a batch instead of one per row (and no change tracking). Both
/// providers speak this SQL (SQLite 3.35+, PostgreSQL). Values go through the EF model's type mappings and
/// converters, so they are stored exactly as EF would store them. A row the optional condition excludes (or that
/// no longer exists) is left alone and missing from the returned ids.
/// </summary>
public sealed class RowUpdate<T>
    where T : class
{
    private readonly IProperty[] _columns;
    private readonly string _statementTail;

    /// <param name="database">A context whose model (and provider) the statement is built for.</param>
    /// <param name="updated">The properties written; the primary key finds the row.</param>
    /// <param name="condition">SQL the row must also meet (its columns unqualified), e.g. <c>"status" = 'active'</c>; null: none.</param>
    public RowUpdate(DbContext database, IReadOnlyCollection<string> updated, string? condition = null)
    {
        var entity = database.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var sql = database.GetService<ISqlGenerationHelper>();
        var key = entity.FindPrimaryKey()!.Properties.Single();
        _columns = [key, .. updated.Select(p => entity.FindProperty(p) ?? throw new ArgumentException($"{typeof(T).Name} has no property {p}.", nameof(updated)))];
        string Column(IProperty property) => sql.DelimitIdentifier(property.GetColumnName());

        // The values are named c0, c1, ... so that no name is shared with the table's own columns.
        var table = sql.DelimitIdentifier(entity.GetTableName()!);
        _statementTail = $" UPDATE {table} SET "
            + string.Join(", ", _columns.Skip(1).Select((c, i) => $"{Column(c)} = v.c{i + 1}"))
            + $" FROM v WHERE {table}.{Column(key)} = v.c0{(condition is null ? "" : $" AND {condition}")} RETURNING {table}.{Column(key)}";
    }

    /// <summary>Writes the rows' values; returns the primary key of every row updated.</summary>
    public Task<IReadOnlyList<Guid>> ExecuteAsync(DbContext database, IReadOnlyList<T> rows, CancellationToken cancellationToken) =>
        RowStatements.ExecuteAsync(database, rows, _columns.Length, BuildStatement, cancellationToken);

    private string BuildStatement(DbCommand command, T[] rows)
    {
        var text = new StringBuilder("WITH v(").AppendJoin(", ", _columns.Select((_, i) => $"c{i}")).Append(") AS (VALUES ");
        return RowStatements.AppendValues(text, command, _columns, rows).Append(')').Append(_statementTail).ToString();
    }
}
