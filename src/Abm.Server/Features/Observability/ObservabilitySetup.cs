using Abm.Server.Configuration;
using Abm.Server.Features.Access;
using Microsoft.EntityFrameworkCore.Diagnostics;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Abm.Server.Features.Observability;

internal static class ObservabilitySetup
{
    /// <summary>
    /// Metrics and alerts always; OpenTelemetry export (metrics and traces over OTLP) when
    /// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> names a collector.
    /// </summary>
    public static IServiceCollection AddObservability(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddMetrics();
        services.AddSingleton<AbmMetrics>();
        services.AddSingleton<MetricsCollector>();
        services.AddSingleton<IInterceptor, DatabaseFailureCounter>();
        services.AddOptions<AlertOptions>().BindConfiguration(AlertOptions.Section)
            .Configure<IConfiguration>((options, config) => options.WebhookUrl ??= config["ALERT_WEBHOOK_URL"])
            .ValidateSettings();
        services.AddHttpClient(SlackWebhookPoster.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(10));
        services.AddSingleton<SlackWebhookPoster>();
        services.AddSingleton<AlertNotifier>();
        services.AddSingleton<AlertMonitor>();
        services.AddHostedService(sp => sp.GetRequiredService<AlertMonitor>());
        services.AddHostedService<BacklogSampler>();

        if (!string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            string[] meters = [AbmMetrics.MeterName, AbmMetrics.HubSpotMeterName, "Microsoft.AspNetCore.Hosting"];
            services.AddOpenTelemetry()
                .ConfigureResource(resource => resource.AddService(configuration["OTEL_SERVICE_NAME"] ?? "abm"))
                .WithMetrics(metrics => metrics.AddMeter(meters).AddOtlpExporter())
                .WithTracing(tracing => tracing.AddSource(AbmMetrics.MeterName, AbmMetrics.HubSpotMeterName, "Microsoft.AspNetCore").AddOtlpExporter());
        }

        return services;
    }

    /// <summary><c>GET /metrics</c> (Prometheus text) and <c>GET /api/alerts</c>, both for the operator key: they describe the whole server, every workspace's work together.</summary>
    public static void MapObservabilityEndpoints(this WebApplication app, RouteGroupBuilder api)
    {
        app.MapGet("/metrics", (MetricsCollector collector) => Results.Text(PrometheusExposition.Write(collector.Collect()), PrometheusExposition.ContentType))
            .RequireAuthorization(AccessPolicies.Operator)
            .ExcludeFromDescription();
        api.MapGet("/alerts", (AlertMonitor monitor) => TypedResults.Ok(new AlertsResponse(monitor.EvaluatedAt?.UtcDateTime, monitor.Active)))
            .RequireAuthorization(AccessPolicies.Operator)
            .WithTags("Alerts")
            .WithName("ListAlerts");
    }
}

/// <summary>The alerts active at the last evaluation (none: all clear), with when that was.</summary>
internal sealed record AlertsResponse(DateTime? EvaluatedAt, IReadOnlyList<Alert> Alerts);
