using Abm.Data.Entities;
using Abm.Data.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Abm.Data.Configurations;

internal sealed class WorkspaceConfiguration : IEntityTypeConfiguration<Workspace>
{
    public void Configure(EntityTypeBuilder<Workspace> builder)
    {
        builder.ToTable("workspaces");
        builder.Property(w => w.Name).HasMaxLength(200);
        builder.Property(w => w.HubSpotPortalId).HasMaxLength(50);
        builder.Property(w => w.EngagementSettings).IsJsonDocument();
        builder.Property(w => w.NurtureGuardrails).IsJsonDocument();
        builder.Property(w => w.SegmentRules).IsJsonDocument();
        builder.HasIndex(w => w.HubSpotPortalId).IsUnique();
    }
}
