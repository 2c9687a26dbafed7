using Abm.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Tests.Sync;

internal static class QueryExtensions
{
    /// <summary>A test's own context has no current workspace, so it names the one it reads.</summary>
    public static IQueryable<T> IgnoreQueryFiltersFor<T>(this DbSet<T> rows, Guid workspaceId)
        where T : class, IWorkspaceScoped =>
        rows.IgnoreQueryFilters().Where(r => r.WorkspaceId == workspaceId);
}
