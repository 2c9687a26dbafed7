using System.Linq.Expressions;
using Abm.Data.Entities;
using Abm.Data.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Abm.Data;

/// <summary>
/// The one EF Core context. Every workspace-scoped entity carries a query filter on
/// <see cref="CurrentWorkspaceId"/>: a context with no workspace sees no scoped rows at all, so a
/// forgotten filter can never leak one workspace's data to another. System work that spans
/// workspaces (workers, authentication) opts out explicitly with <c>IgnoreQueryFilters()</c>.
/// </summary>
public sealed class AbmDbContext(DbContextOptions<AbmDbContext> options, ICurrentWorkspace? currentWorkspace = null)
    : DbContext(options)
{
    public Guid? CurrentWorkspaceId => currentWorkspace?.WorkspaceId;

    public DbSet<Workspace> Workspaces => Set<Workspace>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<Company> Companies => Set<Company>();
    public DbSet<Contact> Contacts => Set<Contact>();
    public DbSet<Deal> Deals => Set<Deal>();
    public DbSet<DealContact> DealContacts => Set<DealContact>();
    public DbSet<Owner> Owners => Set<Owner>();
    public DbSet<ContentItem> ContentItems => Set<ContentItem>();
    public DbSet<EngagementEvent> EngagementEvents => Set<EngagementEvent>();
    public DbSet<NurtureSequence> NurtureSequences => Set<NurtureSequence>();
    public DbSet<NurtureSequenceVersion> NurtureSequenceVersions => Set<NurtureSequenceVersion>();
    public DbSet<NurtureEnrollment> NurtureEnrollments => Set<NurtureEnrollment>();
    public DbSet<NurtureAction> NurtureActions => Set<NurtureAction>();
    public DbSet<ContactScore> ContactScores => Set<ContactScore>();
    public DbSet<AccountScore> AccountScores => Set<AccountScore>();
    public DbSet<AccountScoreDay> AccountScoreDays => Set<AccountScoreDay>();
    public DbSet<WorkspaceScoreDay> WorkspaceScoreDays => Set<WorkspaceScoreDay>();
    public DbSet<Recommendation> Recommendations => Set<Recommendation>();
    public DbSet<RecommendationFeedback> RecommendationFeedback => Set<RecommendationFeedback>();
    public DbSet<PrivacyTombstone> PrivacyTombstones => Set<PrivacyTombstone>();
    public DbSet<ContactSuppression> ContactSuppressions => Set<ContactSuppression>();
    public DbSet<IcpProfile> IcpProfiles => Set<IcpProfile>();
    public DbSet<LeadScore> LeadScores => Set<LeadScore>();
    public DbSet<AiCall> AiCalls => Set<AiCall>();
    public DbSet<SalesTask> SalesTasks => Set<SalesTask>();
    public DbSet<SyncState> SyncStates => Set<SyncState>();
    public DbSet<SyncRun> SyncRuns => Set<SyncRun>();
    public DbSet<PortalLease> PortalLeases => Set<PortalLease>();
    public DbSet<WebhookInboxItem> WebhookInbox => Set<WebhookInboxItem>();
    public DbSet<WebhookRecordMark> WebhookRecordMarks => Set<WebhookRecordMark>();
    public DbSet<WebhookReplay> WebhookReplays => Set<WebhookReplay>();
    public DbSet<HubSpotOutboxItem> HubSpotOutbox => Set<HubSpotOutboxItem>();
    public DbSet<MarketingEmailSend> MarketingEmailSends => Set<MarketingEmailSend>();
    public DbSet<MarketingEmailRecipient> MarketingEmailRecipients => Set<MarketingEmailRecipient>();
    public DbSet<Experiment> Experiments => Set<Experiment>();
    public DbSet<ExperimentExposure> ExperimentExposures => Set<ExperimentExposure>();
    public DbSet<RecommenderWeightFit> RecommenderWeightFits => Set<RecommenderWeightFit>();
    public DbSet<AuditLogEntry> AuditLog => Set<AuditLogEntry>();
    public DbSet<OAuthConnection> OAuthConnections => Set<OAuthConnection>();
    /// <summary>Dashboard users; not workspace-filtered, since signing in finds a user before any workspace is known.</summary>
    public DbSet<DashboardUser> Users => Set<DashboardUser>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite hands DateTime back with an unspecified kind; every time in the schema is UTC.
        if (!Database.IsNpgsql())
        {
            configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
            configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
        }
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AbmDbContext).Assembly);
        JsonColumn.ApplyColumnTypes(modelBuilder.Model, Database.IsNpgsql());
        SnakeCaseNaming.Apply(modelBuilder.Model);
        ApplyWorkspaceFilters(modelBuilder);
    }

    private void ApplyWorkspaceFilters(ModelBuilder modelBuilder)
    {
        foreach (var entity in modelBuilder.Model.GetEntityTypes().Where(e => typeof(IWorkspaceScoped).IsAssignableFrom(e.ClrType)))
        {
            modelBuilder.Entity(entity.ClrType).HasQueryFilter(BuildWorkspaceFilter(entity));
        }
    }

    private LambdaExpression BuildWorkspaceFilter(IMutableEntityType entity)
    {
        // e => e.WorkspaceId == this.CurrentWorkspaceId; EF re-reads the context member per query.
        var row = Expression.Parameter(entity.ClrType, "e");
        var rowWorkspace = Expression.Convert(Expression.Property(row, nameof(IWorkspaceScoped.WorkspaceId)), typeof(Guid?));
        var current = Expression.Property(Expression.Constant(this), nameof(CurrentWorkspaceId));
        return Expression.Lambda(Expression.Equal(rowWorkspace, current), row);
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}
