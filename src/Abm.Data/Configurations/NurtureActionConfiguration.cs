using Abm.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Abm.Data.Configurations;

internal sealed class NurtureActionConfiguration : IEntityTypeConfiguration<NurtureAction>
{
    public void Configure(EntityTypeBuilder<NurtureAction> builder)
    {
        builder.ToTable("nurture_actions");
        builder.BelongsToWorkspace();
        builder.HasOne<NurtureEnrollment>().WithMany().HasForeignKey(a => a.EnrollmentId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(a => a.StepId).HasMaxLength(100);
        builder.Property(a => a.Kind).HasMaxLength(30);
        builder.Property(a => a.Status).HasMaxLength(20);
        builder.Property(a => a.Reason).HasMaxLength(1000);
        builder.Property(a => a.SendId).HasMaxLength(100);
        builder.Property(a => a.HubSpotId).HasMaxLength(100);
        // The action's key: a retry of the same step finds its row instead of adding one.
        builder.HasIndex(a => new { a.EnrollmentId, a.StepId, a.AttemptScope }).IsUnique().HasDatabaseName("idx_nurture_actions_key");
        // A contact's timeline and its frequency cap; the account's cap; a sequence's per-step stats.
        builder.HasIndex(a => new { a.WorkspaceId, a.ContactId, a.CreatedAt }).HasDatabaseName("idx_nurture_actions_contact");
        builder.HasIndex(a => new { a.WorkspaceId, a.CompanyId, a.CreatedAt }).HasDatabaseName("idx_nurture_actions_company");
        builder.HasIndex(a => new { a.SequenceId, a.StepId }).HasDatabaseName("idx_nurture_actions_sequence");
    }
}
