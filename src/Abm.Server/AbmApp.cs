using Abm.Server.Dashboard;
using Abm.Server.Database;
using Abm.Server.Errors;
using Abm.Server.Features.Access;
using Abm.Server.Features.Accounts;
using Abm.Server.Features.Analytics;
using Abm.Server.Features.ApiKeys;
using Abm.Server.Features.Audit;
using Abm.Server.Features.Connections;
using Abm.Server.Features.Contacts;
using Abm.Server.Features.Content;
using Abm.Server.Features.Demo;
using Abm.Server.Features.Engagement;
using Abm.Server.Features.Events;
using Abm.Server.Features.Experiments;
using Abm.Server.Features.Health;
using Abm.Server.Features.HubSpotRecords;
using Abm.Server.Features.Imports;
using Abm.Server.Features.Imports.Ga4;
using Abm.Server.Features.Leads;
using Abm.Server.Features.Live;
using Abm.Server.Features.Marketing;
using Abm.Server.Features.Nurture;
using Abm.Server.Features.Observability;
using Abm.Server.Features.Overview;
using Abm.Server.Features.Privacy;
using Abm.Server.Features.Provisioning;
using Abm.Server.Features.Recommendations;
using Abm.Server.Features.Recommendations.Fitting;
using Abm.Server.Features.Sync;
using Abm.Server.Features.Tracking;
using Abm.Server.Features.Users;
using Abm.Server.Features.Webhooks;
using Abm.Server.Features.Workspaces;
using Abm.Server.Features.WriteBack;
using Abm.Server.Json;
using Abm.Server.Security;

namespace Abm.Server;

/// <summary>The table of contents of the server: which features exist and where they are mounted.</summary>
internal static class AbmApp
{
    // clock: the server's clock; null is the system clock (a bench living simulated days passes the sandbox's).
    public static WebApplication Build(string[] args, TimeProvider? clock = null)
    {
        // Named after this assembly, not the process's entry assembly: the dashboard's static-asset manifests are
        // abm.staticwebassets.*.json, and a host started from another program (a benchmark) must still find them.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ApplicationName = typeof(AbmApp).Assembly.GetName().Name });
        // Quiet defaults for the frameworks' chatter (one line per SQL command or request costs real time at
        // sync speeds); placed first so appsettings and Logging__LogLevel__* variables still override them.
        builder.Configuration.Sources.Insert(0, new Microsoft.Extensions.Configuration.Memory.MemoryConfigurationSource
        {
            InitialData = new Dictionary<string, string?>
            {
                ["Logging:LogLevel:Default"] = "Information",
                ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
                ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Warning",
                ["Logging:LogLevel:System.Net.Http.HttpClient"] = "Warning",
            },
        });
        // The dashboard's files (MudBlazor's among them) are found from the build output as well as after publish.
        builder.WebHost.UseStaticWebAssets();
        builder.Logging.ClearProviders();
        builder.Logging.AddJsonConsole(options => (options.UseUtcTimestamp, options.TimestampFormat) = (true, "yyyy-MM-ddTHH:mm:ss.fffZ"));

        builder.Services.AddSingleton(clock ?? TimeProvider.System);
        builder.Services.AddErrorHandling();
        builder.Services.AddApiJson();
        builder.Services.AddAbmDataProtection();
        builder.Services.AddOpenApi();
        builder.Services.AddAbmDatabase();
        builder.Services.AddAccess();
        builder.Services.AddHealth();
        builder.Services.AddWorkspaces();
        builder.Services.AddApiKeys();
        builder.Services.AddEvents();
        builder.Services.AddContentLibrary();
        builder.Services.AddEngagement();
        builder.Services.AddRecommendations();
        builder.Services.AddWeightFitting();
        builder.Services.AddExperiments();
        builder.Services.AddImports();
        builder.Services.AddGa4Import();
        builder.Services.AddTracking();
        builder.Services.AddHubSpotConnections();
        builder.Services.AddHubSpotSync();
        builder.Services.AddWriteBack();
        builder.Services.AddWebhooks();
        builder.Services.AddNurture();
        builder.Services.AddMarketing();
        builder.Services.AddLeads();
        builder.Services.AddObservability(builder.Configuration);
        builder.Services.AddDemo();
        builder.Services.AddAccounts();
        builder.Services.AddContacts();
        builder.Services.AddHubSpotRecords();
        builder.Services.AddPrivacy();
        builder.Services.AddOverview();
        builder.Services.AddAnalytics();
        builder.Services.AddLive();
        builder.Services.AddDashboardUsers();
        builder.Services.AddDashboard();

        var app = builder.Build();
        app.UseAbmMiddleware();

        app.MapOpenApi();
        app.MapHealthEndpoints();
        var api = app.MapApiGroup();
        api.MapGroup("/workspaces").MapWorkspaceEndpoints();
        api.MapGroup("/api-keys").MapApiKeyEndpoints();
        api.MapGroup("/users").MapUserEndpoints();
        api.MapGroup("/audit").MapAuditEndpoints();
        api.MapGroup("/privacy").MapPrivacySettingsEndpoints();
        api.MapGroup("/events").MapEventEndpoints();
        api.MapGroup("/content").MapContentEndpoints();
        api.MapEngagementEndpoints();
        api.MapRecommendationEndpoints();
        api.MapWeightFitEndpoints();
        api.MapExperimentEndpoints();
        api.MapImportEndpoints();
        api.MapGa4ImportEndpoints();
        app.MapTrackingEndpoints(api);
        api.MapProvisioningEndpoints();
        api.MapGroup("/connections").MapConnectionEndpoints();
        app.MapOAuthCallback();
        api.MapSyncEndpoints();
        api.MapWriteBackEndpoints();
        app.MapWebhookEndpoints();
        api.MapWebhookInboxEndpoints();
        api.MapNurtureEndpoints();
        api.MapMarketingEndpoints();
        api.MapLeadEndpoints();
        app.MapObservabilityEndpoints(api);
        api.MapDemoEndpoints();
        api.MapGroup("/accounts").MapAccountEndpoints();
        api.MapGroup("/contacts").MapContactEndpoints().MapPrivacyEndpoints();
        api.MapGroup("/overview").MapOverviewEndpoints();
        api.MapHubSpotRecordEndpoints();
        api.MapGroup("/hubspot/analytics").MapAnalyticsEndpoints();
        app.MapDashboard();
        return app;
    }

    /// <summary>
    /// The middleware every request passes, in order. CORS comes before authentication and authorization, so a
    /// refused cross-origin request still carries the headers that let the page read why, and a preflight is
    /// answered before anything asks it for credentials it never carries.
    /// </summary>
    public static IApplicationBuilder UseAbmMiddleware(this IApplicationBuilder app) => app
        .UseErrorHandling()
        .UseCors()
        .UseAuthentication()
        .UseAuthorization()
        .UseRateLimiter();
}
