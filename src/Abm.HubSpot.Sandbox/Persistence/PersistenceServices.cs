using Abm.HubSpot.Sandbox.Hosting;
using Abm.HubSpot.Sandbox.Persistence.Sections;

namespace Abm.HubSpot.Sandbox.Persistence;

/// <summary>Registers the optional data file and the sections it is made of.</summary>
internal static class PersistenceServices
{
    public static IServiceCollection AddSandboxPersistence(this IServiceCollection services, SandboxOptions options)
    {
        services.AddSingleton<ChangeTracker>();
        services.AddSingleton<IPortalSection, RecordsSection>();
        services.AddSingleton<IPortalSection, PropertySchemasSection>();
        services.AddSingleton<IPortalSection, AssociationsSection>();
        services.AddSingleton<IPortalSection, OwnersSection>();
        services.AddSingleton<IPortalSection, ListsSection>();
        services.AddSingleton<IPortalSection, PipelinesSection>();
        services.AddSingleton<IPortalSection, EmailEventsSection>();
        services.AddSingleton<IPortalSection, TransactionalSendsSection>();
        services.AddSingleton<IPortalSection, MarketingSendsSection>();
        services.AddSingleton<IPortalSection, CampaignsSection>();
        services.AddSingleton<IPortalSection, FormsSection>();
        services.AddSingleton<IPortalSection, FormSubmissionsSection>();
        services.AddSingleton<IPortalSection, BehaviourSection>();
        services.AddSingleton<ISandboxSection, ClockSection>();
        services.AddSingleton<ISandboxSection, OAuthSection>();
        services.AddSingleton<ISandboxSection, WebhooksSection>();

        var file = options.DataFile is null ? null : new DataFile(options.DataFile);
        services.AddSingleton(provider => new StoredPortals(options, provider.GetServices<IPortalSection>(), file));
        if (file is not null)
        {
            services.AddSingleton(file);
            services.AddSingleton<DataFileWorker>();
            services.AddHostedService(provider => provider.GetRequiredService<DataFileWorker>());
        }

        return services;
    }
}
