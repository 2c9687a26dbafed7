using Abm.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Abm.Data.Configurations;

internal sealed class ContactScoreConfiguration : IEntityTypeConfiguration<ContactScore>
{
    public void Configure(EntityTypeBuilder<ContactScore> builder)
    {
        builder.ToTable("contact_scores");
        builder.BelongsToWorkspace();
        builder.HasOne<Contact>().WithMany().HasForeignKey(s => s.ContactId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => s.ContactId).IsUnique();
    }
}
