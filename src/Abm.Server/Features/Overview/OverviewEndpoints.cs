using Microsoft.AspNetCore.Http.HttpResults;

namespace Abm.Server.Features.Overview;

internal static class OverviewEndpoints
{
    public static IServiceCollection AddOverview(this IServiceCollection services) => services.AddScoped<OverviewQuery>().AddScoped<ScoreHistory>();

    public static RouteGroupBuilder MapOverviewEndpoints(this RouteGroupBuilder group)
    {
        group.WithTags("Overview");
        group.MapGet("/", GetAsync).WithName("GetOverview")
            .WithSummary("Accounts by engagement band, average engagement, contacts by journey stage and stakeholder coverage against the 70% goal, content-to-meeting conversion, and 90 days of daily trends.");
        return group;
    }

    private static async Task<Ok<OverviewResponse>> GetAsync(OverviewQuery overview, CancellationToken cancellationToken) =>
        TypedResults.Ok(await overview.GetAsync(cancellationToken));
}
