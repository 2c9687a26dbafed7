using Abm.Server.Configuration;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Abm.Server.Features.Webhooks;

internal static partial class WebhookEndpoints
{
    public const string Route = "/webhooks/hubspot";

    public static IServiceCollection AddWebhooks(this IServiceCollection services)
    {
        services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.Section).ValidateSettings();
        services.AddSingleton<WebhookSignatureCheck>();
        services.AddSingleton<WebhookSignal>();
        services.AddSingleton<WebhookBatchProcessor>();
        services.AddSingleton<WebhookInboxWriter>();
        services.AddSingleton<WebhookInboxGate>();
        services.AddHostedService(sp => sp.GetRequiredService<WebhookInboxWriter>());
        services.AddScoped<WebhookInbox>();
        services.AddScoped<WebhookReplayCache>();
        services.AddScoped<WebhookRecordMarks>();
        services.AddScoped<WebhookApplier>();
        services.AddScoped<WebhookInboxHealth>();
        services.AddHostedService<WebhookWorker>();
        return services;
    }

    /// <summary>Outside /api: HubSpot has no API key, the signature is the credential.</summary>
    public static IEndpointRouteBuilder MapWebhookEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost(Route, ReceiveAsync).WithTags("Webhooks").WithName("ReceiveHubSpotWebhook")
            .WithSummary("HubSpot webhook batches: signature checked, stored, acknowledged; applied in the background.");
        return app;
    }

    /// <summary>The inbox's health for the caller's workspace, under /api like every read.</summary>
    public static RouteGroupBuilder MapWebhookInboxEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/webhooks/inbox/status", WebhookInboxHealth.HandleAsync).WithTags("Webhooks").WithName("GetWebhookInboxStatus")
            .WithSummary("Webhook batches applied to this workspace in the last day, and the server's queue: waiting batches, the oldest one's age, failures in the last day.");
        return api;
    }

    /// <summary>
    /// Stores the batch and answers at once: HubSpot retries anything slower than 5 s or not 2xx, so the work
    /// happens later, and only a request that is not provably HubSpot's is refused.
    /// </summary>
    private static async Task<Results<Ok, ProblemHttpResult, ValidationProblem>> ReceiveAsync(
        HttpRequest request, WebhookSignatureCheck signatures, WebhookInboxWriter inbox, IOptions<WebhookOptions> options,
        TimeProvider clock, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var maxBytes = options.Value.MaxBodyKilobytes * 1024;
        if (await ReadBodyAsync(request, maxBytes, cancellationToken) is not { } body)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Webhook body too large",
                detail: $"The body exceeds {options.Value.MaxBodyKilobytes} KB (HubSpot:Webhooks:MaxBodyKilobytes).");
        }

        var verdict = signatures.Check(request, body);
        if (verdict != SignatureVerdict.Valid)
        {
            LogRejected(loggers.CreateLogger(typeof(WebhookEndpoints)), verdict, request.HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown");
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Webhook signature rejected", detail: Explain(verdict));
        }

        if (!WebhookEvent.TryParseBatch(body, out _, out _, out var error))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = [error!] }, title: "The webhook body could not be read.");
        }

        // A replay is answered like the original: the sender learns nothing, and nothing is stored or applied twice.
        await inbox.StoreAsync(body, WebhookReplayKey.Of(request, clock.GetUtcNow()), cancellationToken);
        return TypedResults.Ok();
    }

    private static string Explain(SignatureVerdict verdict) => verdict switch
    {
        SignatureVerdict.NotConfigured => "Webhooks cannot be verified: HUBSPOT_CLIENT_SECRET is not set.",
        SignatureVerdict.Unsigned => "The request carries no HubSpot signature.",
        SignatureVerdict.VersionNotAccepted => "The request's signature version is not accepted (HubSpot:Webhooks:AcceptedSignatureVersions).",
        SignatureVerdict.Stale => "The request timestamp is more than 5 minutes away from the server's clock.",
        _ => "The signature does not match the request.",
    };

    /// <summary>The raw bytes, which the signature covers; null when the body is larger than allowed.</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream(request.ContentLength is > 0 and var length ? (int)length : 4096);
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a webhook from {RemoteAddress}: {Verdict}")]
    private static partial void LogRejected(ILogger logger, SignatureVerdict verdict, string remoteAddress);
}
