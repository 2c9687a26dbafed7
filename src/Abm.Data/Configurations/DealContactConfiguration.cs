using Abm.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Abm.Data.Configurations;

internal sealed class DealContactConfiguration : IEntityTypeConfiguration<DealContact>
{
    public void Configure(EntityTypeBuilder<DealContact> builder)
    {
        builder.ToTable("deal_contacts");
        builder.BelongsToWorkspace();
        builder.HasKey(dc => new { dc.DealId, dc.ContactId });
        builder.HasOne<Deal>().WithMany().HasForeignKey(dc => dc.DealId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Contact>().WithMany().HasForeignKey(dc => dc.ContactId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(dc => dc.ContactId);
    }
}
