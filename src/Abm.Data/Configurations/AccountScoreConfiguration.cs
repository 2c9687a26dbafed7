using Abm.Data.Entities;
using Abm.Data.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Abm.Data.Configurations;

internal sealed class AccountScoreConfiguration : IEntityTypeConfiguration<AccountScore>
{
    public void Configure(EntityTypeBuilder<AccountScore> builder)
    {
        builder.ToTable("account_scores");
        builder.BelongsToWorkspace();
        builder.HasOne<Company>().WithMany().HasForeignKey(s => s.CompanyId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(s => s.RoleCounts).IsJsonDocument();
        builder.Property(s => s.DominantStage).HasMaxLength(50);
        builder.HasIndex(s => s.CompanyId).IsUnique();
    }
}
