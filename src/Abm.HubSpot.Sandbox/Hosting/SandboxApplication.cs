using Abm.HubSpot.Sandbox.Admin;
using Abm.HubSpot.Sandbox.Associations;
using Abm.HubSpot.Sandbox.Campaigns;
using Abm.HubSpot.Sandbox.Auth;
using Abm.HubSpot.Sandbox.Clock;
using Abm.HubSpot.Sandbox.Counters;
using Abm.HubSpot.Sandbox.Crm;
using Abm.HubSpot.Sandbox.Email;
using Abm.HubSpot.Sandbox.Faults;
using Abm.HubSpot.Sandbox.Forms;
using Abm.HubSpot.Sandbox.Http;
using Abm.HubSpot.Sandbox.Lists;
using Abm.HubSpot.Sandbox.Market;
using Abm.HubSpot.Sandbox.MarketingEmails;
using Abm.HubSpot.Sandbox.Market.Behaviour;
using Abm.HubSpot.Sandbox.OAuth;
using Abm.HubSpot.Sandbox.Owners;
using Abm.HubSpot.Sandbox.Persistence;
using Abm.HubSpot.Sandbox.Pipelines;
using Abm.HubSpot.Sandbox.Portals;
using Abm.HubSpot.Sandbox.Properties;
using Abm.HubSpot.Sandbox.RateLimits;
using Abm.HubSpot.Sandbox.Webhooks;

namespace Abm.HubSpot.Sandbox.Hosting;

/// <summary>Assembles the sandbox web application: services, the HubSpot request pipeline and the API routes.</summary>
internal static class SandboxApplication
{
    public static WebApplication Build(SandboxOptions options)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(options.Url);
        builder.Logging.ClearProviders();
        if (options.EnableLogging)
        {
            // Standard output is reserved for the one startup line; logs go to standard error.
            builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        }

        var start = options.ClockStart ?? TimeProvider.System.GetUtcNow() - options.History;
        var clock = new SimulatedClock(start, options.ClockSpeed, neverAheadOfRealTime: options.ClockCappedAtRealTime);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(clock);
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.Services.AddSingleton(DeveloperApp.FromSeed(options.Seed));
        builder.Services.AddSingleton<PortalRegistry>();
        builder.Services.AddSingleton<OAuthTokenStore>();
        builder.Services.AddSingleton<RateLimitLedger>();
        builder.Services.AddSingleton<ChangeFeed>();
        builder.Services.AddSingleton<RecordWriter>();
        builder.Services.AddSingleton<FaultSettings>();
        builder.Services.AddSingleton<RequestCounters>();
        builder.Services.AddSingleton<RecordWriteCounts>();
        builder.Services.AddSingleton<WebhookStore>();
        builder.Services.AddSingleton<WebhookDeliveryQueue>();
        builder.Services.AddSingleton<WebhookDeliveryLog>();
        builder.Services.AddHostedService<WebhookDispatcher>();
        builder.Services.AddBehaviourSimulation();
        builder.Services.AddSandboxPersistence(options);

        var app = builder.Build();
        // Order matters: counting sees the final status of everything below it; limits are per portal, so
        // they follow authentication; injected faults come after the limits so they use up quota as real
        // failures do; scopes are checked last, on a call that was counted.
        app.UseMiddleware<RequestCountingMiddleware>();
        app.UseMiddleware<ChangeTrackingMiddleware>();
        app.UseMiddleware<HubSpotErrorMiddleware>();
        app.UseRouting();
        app.UseMiddleware<PortalAuthenticationMiddleware>();
        app.UseMiddleware<RateLimitMiddleware>();
        app.UseMiddleware<FaultInjectionMiddleware>();
        app.UseMiddleware<ScopeMiddleware>();
        app.MapCrmObjectEndpoints();
        app.MapOAuthEndpoints();
        app.MapOwnerEndpoints();
        app.MapPropertyEndpoints();
        app.MapAssociationEndpoints();
        app.MapListEndpoints();
        app.MapPipelineEndpoints();
        app.MapEmailEndpoints();
        app.MapMarketingEmailEndpoints();
        app.MapCampaignEndpoints();
        app.MapFormEndpoints();
        app.MapWebhookEndpoints();
        app.MapAdminEndpoints();
        app.MapMarketEndpoints();
        app.MapBehaviourEndpoints();
        return app;
    }
}
