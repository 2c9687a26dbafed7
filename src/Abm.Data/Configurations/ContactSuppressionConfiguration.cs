using Abm.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Abm.Data.Configurations;

internal sealed class ContactSuppressionConfiguration : IEntityTypeConfiguration<ContactSuppression>
{
    public void Configure(EntityTypeBuilder<ContactSuppression> builder)
    {
        builder.ToTable("contact_suppressions");
        builder.BelongsToWorkspace();
        builder.HasOne<Contact>().WithMany().HasForeignKey(s => s.ContactId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(s => s.Purpose).HasMaxLength(20);
        builder.Property(s => s.Reason).HasMaxLength(500);
        builder.Property(s => s.CreatedBy).HasMaxLength(256);
        builder.HasIndex(s => new { s.ContactId, s.Purpose }).IsUnique();
    }
}
