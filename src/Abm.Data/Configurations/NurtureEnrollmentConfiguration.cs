using Abm.Data.Entities;
using Abm.Data.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Abm.Data.Configurations;

internal sealed class NurtureEnrollmentConfiguration : IEntityTypeConfiguration<NurtureEnrollment>
{
    public void Configure(EntityTypeBuilder<NurtureEnrollment> builder)
    {
        builder.ToTable("nurture_enrollments");
        builder.BelongsToWorkspace();
        builder.HasOne<Contact>().WithMany().HasForeignKey(e => e.ContactId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<NurtureSequence>().WithMany().HasForeignKey(e => e.SequenceId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(e => e.Status).HasMaxLength(20);
        builder.Property(e => e.CompletionData).IsJsonDocument();
        // The nurture worker only ever looks for active enrollments that are due; the partial index stays small.
        builder.HasIndex(e => e.NextActionDue).HasFilter("status = 'active'").HasDatabaseName("idx_nurture_enrollments_due");
        builder.Property(e => e.CurrentStepId).HasMaxLength(100);
        builder.Property(e => e.ExitReason).HasMaxLength(500);
        builder.Property(e => e.EnrolledBy).HasMaxLength(200);
        builder.Property(e => e.LastError).HasMaxLength(1000);
        // One active enrolment per sequence and contact, whoever enrols it and however often.
        builder.HasIndex(e => new { e.SequenceId, e.ContactId }).IsUnique().HasFilter("status = 'active'").HasDatabaseName("idx_nurture_enrollments_active_contact");
        builder.HasIndex(e => new { e.ContactId, e.SequenceId });
        builder.HasIndex(e => e.SequenceId);
    }
}
