using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Abm.Server.Features.Observability;

/// <summary>Counts connections EF Core could not open, for the database alert; the failure itself goes on to the caller unchanged.</summary>
internal sealed class DatabaseFailureCounter(AbmMetrics metrics) : DbConnectionInterceptor
{
    public override void ConnectionFailed(DbConnection connection, ConnectionErrorEventData eventData) => metrics.DatabaseConnectionFailed();

    public override Task ConnectionFailedAsync(DbConnection connection, ConnectionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        metrics.DatabaseConnectionFailed();
        return Task.CompletedTask;
    }
}
