using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Abm.Data.Bulk;

/// <summary>
/// What <see cref="RowUpsert{T}"/> and <see cref="RowUpdate{T}"/> share: rows written as the <c>VALUES</c> list of a
/// few small statements, each returning the ids of the rows it wrote, run in whatever transaction the context has open.
/// </summary>
internal static class RowStatements
{
    // Small statements, though SQLite takes 32,766 parameters and PostgreSQL 65,535: Microsoft.Data.Sqlite binds
    // each parameter by looking its name up among all of them, so binding costs the square of their number.
    // Measured on a page of 100 contacts (24 columns): one statement of 2,400 parameters took 26-35 ms, ten of
    // 240 took 11 ms.
    private const int MaxParametersPerStatement = 250;

    /// <summary>Runs one statement per chunk of rows (<paramref name="statement"/> builds it) and returns the ids they return.</summary>
    public static async Task<IReadOnlyList<Guid>> ExecuteAsync<T>(
        DbContext database, IReadOnlyList<T> rows, int columnsPerRow, Func<DbCommand, T[], string> statement, CancellationToken cancellationToken)
    {
        var written = new List<Guid>(rows.Count);
        var rowsPerStatement = Math.Max(1, MaxParametersPerStatement / columnsPerRow);
        var connection = database.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await database.Database.OpenConnectionAsync(cancellationToken);
        }

        foreach (var chunk in rows.Chunk(rowsPerStatement))
        {
            await using var command = connection.CreateCommand();
            command.Transaction = database.Database.CurrentTransaction?.GetDbTransaction();
            command.CommandText = statement(command, chunk);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                written.Add(reader.GetGuid(0));
            }
        }

        return written;
    }

    /// <summary>Appends <c>(@p0, @p1, …), (…)</c>: one parameter per row and column, added to <paramref name="command"/>.</summary>
    public static StringBuilder AppendValues<T>(StringBuilder text, DbCommand command, IProperty[] columns, T[] rows)
    {
        for (var r = 0; r < rows.Length; r++)
        {
            text.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < columns.Length; c++)
            {
                var name = $"@p{(r * columns.Length) + c}";
                var column = columns[c];
                // The mapping applies the model's value converter (UTC times, lists, JSON) and the provider's type.
                command.Parameters.Add(column.GetRelationalTypeMapping().CreateParameter(command, name, column.PropertyInfo!.GetValue(rows[r]), column.IsNullable));
                text.Append(c == 0 ? name : $", {name}");
            }

            text.Append(')');
        }

        return text;
    }
}
