using Abm.Server.Configuration;
using Abm.Server.Errors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Abm.Server.Features.Recommendations;

internal static class RecommendationEndpoints
{
    private const int MaxK = 20;

    public static IServiceCollection AddRecommendations(this IServiceCollection services)
    {
        services.AddOptions<RecommendationOptions>().BindConfiguration(RecommendationOptions.Section).ValidateSettings();
        services.AddMemoryCache();
        services.AddSingleton<RecommenderCache>();
        services.AddScoped<ContactRecommendations>();
        return services;
    }

    public static RouteGroupBuilder MapRecommendationEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/contacts/{id:guid}/recommendations", GetAsync).WithTags("Recommendations").WithName("GetRecommendations")
            .WithSummary("The next best content for a contact, each item with its per-factor contributions and a reason.");
        return api;
    }

    private static async Task<Results<Ok<RecommendationsResponse>, ProblemHttpResult, ValidationProblem>> GetAsync(
        Guid id, int? k, ContactRecommendations recommendations, CancellationToken cancellationToken)
    {
        var count = k ?? 5;
        if (count is < 1 or > MaxK)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["k"] = [$"k must be between 1 and {MaxK}."] });
        }

        return await recommendations.GetAsync(id, count, cancellationToken) is { } response
            ? TypedResults.Ok(response)
            : ApiProblems.NotFound("Contact not found", $"No contact {id} in this workspace.");
    }
}
