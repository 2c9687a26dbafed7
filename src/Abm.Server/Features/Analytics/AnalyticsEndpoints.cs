using Abm.Server.Features.Listing;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Abm.Server.Features.Analytics;

/// <summary>
/// Deal, contact and email analytics computed from the local copy (no HubSpot calls), each answer naming how fresh
/// the copy is. Query: <c>from</c>, <c>to</c> (yyyy-MM-dd, UTC days, inclusive), <c>period</c> (week, month, quarter).
/// </summary>
internal static class AnalyticsEndpoints
{
    public static IServiceCollection AddAnalytics(this IServiceCollection services) =>
        services.AddScoped<CopyFreshness>().AddScoped<DealAnalyticsQuery>().AddScoped<ContactAnalyticsQuery>().AddScoped<CampaignAnalyticsQuery>();

    public static RouteGroupBuilder MapAnalyticsEndpoints(this RouteGroupBuilder group)
    {
        group.WithTags("Analytics");
        group.MapGet("/deals", DealsAsync).WithName("DealAnalytics")
            .WithSummary("Open pipeline value by stage; deals won and lost, win rate, value won and average days to close, by period.");
        group.MapGet("/contacts", ContactsAsync).WithName("ContactAnalytics")
            .WithSummary("New contacts per period and running total, lifecycle stage distribution, original sources of new contacts.");
        group.MapGet("/campaigns", CampaignsAsync).WithName("CampaignAnalytics")
            .WithSummary("Email sends, opens and clicks by period.");
        return group;
    }

    private static Task<Results<Ok<DealAnalyticsResponse>, ValidationProblem>> DealsAsync(
        [AsParameters] AnalyticsParameters parameters, DealAnalyticsQuery query, TimeProvider clock, CancellationToken cancellationToken) =>
        RunAsync(parameters, clock, range => query.RunAsync(range, cancellationToken));

    private static Task<Results<Ok<ContactAnalyticsResponse>, ValidationProblem>> ContactsAsync(
        [AsParameters] AnalyticsParameters parameters, ContactAnalyticsQuery query, TimeProvider clock, CancellationToken cancellationToken) =>
        RunAsync(parameters, clock, range => query.RunAsync(range, cancellationToken));

    private static Task<Results<Ok<CampaignAnalyticsResponse>, ValidationProblem>> CampaignsAsync(
        [AsParameters] AnalyticsParameters parameters, CampaignAnalyticsQuery query, TimeProvider clock, CancellationToken cancellationToken) =>
        RunAsync(parameters, clock, range => query.RunAsync(range, cancellationToken));

    private static async Task<Results<Ok<T>, ValidationProblem>> RunAsync<T>(AnalyticsParameters parameters, TimeProvider clock, Func<AnalyticsRange, Task<T>> run)
    {
        var reader = new QueryReader();
        var range = AnalyticsRange.Read(parameters.From, parameters.To, parameters.Period, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), reader);
        return range is null ? TypedResults.ValidationProblem(reader.Errors) : TypedResults.Ok(await run(range));
    }
}
