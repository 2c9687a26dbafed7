using Abm.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Abm.Data.Configurations;

/// <summary>Every scoped row points at its workspace and disappears with it.</summary>
internal static class WorkspaceOwnership
{
    public static EntityTypeBuilder<T> BelongsToWorkspace<T>(this EntityTypeBuilder<T> builder)
        where T : class, IWorkspaceScoped
    {
        builder.HasOne<Workspace>().WithMany().HasForeignKey(e => e.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
        return builder;
    }
}
