using Abm.Server.Configuration;
using Abm.Server.Features.Access;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace Abm.Server.Features.Leads;

/// <summary>Lead scoring: the ideal-client profile (/api/icp), the scored leads (/api/leads) and the scorer's state (/api/ai/status).</summary>
internal static class LeadEndpoints
{
    public static IServiceCollection AddLeads(this IServiceCollection services)
    {
        services.AddOptions<LeadScoringOptions>().BindConfiguration(LeadScoringOptions.Section)
            .Validate<IConfiguration>((options, config) => options.EmbeddingModel != LeadEmbeddingModel.OpenAI || !string.IsNullOrWhiteSpace(config["OPENAI_API_KEY"]),
                "Leads:EmbeddingModel is openai but OPENAI_API_KEY is not set.")
            .ValidateSettings();
        services.AddOptions<LeadLlmOptions>().BindConfiguration(LeadLlmOptions.Section).ValidateSettings();
        services.AddOptions<LeadNotifyOptions>().BindConfiguration(LeadScoringOptions.Section)
            .Configure<IConfiguration>((options, config) => options.NotifyWebhookUrl ??= config["LEADS_SLACK_WEBHOOK_URL"])
            .ValidateSettings();
        services.AddHostedService<LeadScoringWorker>();
        // The client of the language model and of OpenAI's embeddings. Each request's timeout is the reasoner's
        // (Leads:Llm:TimeoutSeconds) or the embedder's (Leads:EmbeddingTimeoutSeconds), so the client's own is off. The models hold
        // their client for the process's life, so connections are renewed by the handler instead (DNS changes are seen).
        services.AddHttpClient(LeadLanguageModel.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            .AddHttpMessageHandler(provider => new RetryAfterHandler(provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(provider => LeadEmbeddingModel.Create(
            provider.GetRequiredService<IOptions<LeadScoringOptions>>().Value, provider.GetRequiredService<IConfiguration>(), provider.GetRequiredService<IHttpClientFactory>()));
        services.AddHostedService<IcpReembedWorker>();
        return services.AddSingleton(provider => new LeadEmbedder(provider.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>(),
                provider.GetRequiredService<IOptions<LeadScoringOptions>>().Value.EmbeddingRetry, provider.GetRequiredService<TimeProvider>(),
                provider.GetRequiredService<ILogger<LeadEmbedder>>()))
            .AddSingleton<LeadLanguageModel>()
            .AddSingleton<LeadReasoner>()
            .AddScoped<IcpStore>()
            .AddScoped<IcpImport>()
            .AddScoped<LeadFactsLoader>()
            .AddScoped<LeadRouting>()
            .AddScoped<LeadTaskPusher>()
            .AddScoped<LeadAnswers>()
            .AddScoped<LeadScoring>()
            .AddScoped<LeadQuery>();
    }

    public static RouteGroupBuilder MapLeadEndpoints(this RouteGroupBuilder api)
    {
        var icp = api.MapGroup("/icp").WithTags("Lead scoring");
        icp.MapGet("/", IcpHandlers.GetAsync).WithName("GetIdealClientProfile");
        icp.MapPut("/", IcpHandlers.ReplaceAsync).WithName("ReplaceIdealClientProfile").RequireAuthorization(AccessPolicies.Marketing);
        icp.MapPost("/import", IcpHandlers.ImportAsync).WithName("ImportIdealClientProfile")
            .RequireAuthorization(AccessPolicies.Marketing).Accepts<string>("text/csv");
        var leads = api.MapGroup("/leads").WithTags("Lead scoring");
        leads.MapGet("/", LeadHandlers.ListAsync).WithName("ListLeads");
        leads.MapGet("/{id:guid}", LeadHandlers.GetAsync).WithName("GetLead");
        leads.MapGet("/{id:guid}/audit", LeadAuditHandlers.GetAsync).WithName("GetLeadAudit").RequireAuthorization(AccessPolicies.Admin);
        leads.MapPost("/{id:guid}/score", LeadHandlers.ScoreOneAsync).WithName("ScoreLead").RequireAuthorization(AccessPolicies.Marketing);
        leads.MapPost("/score", LeadHandlers.ScoreManyAsync).WithName("ScoreLeads").RequireAuthorization(AccessPolicies.Marketing);
        api.MapGet("/ai/status", LeadAuditHandlers.StatusAsync).WithTags("Lead scoring").WithName("GetAiStatus");
        return api;
    }
}
