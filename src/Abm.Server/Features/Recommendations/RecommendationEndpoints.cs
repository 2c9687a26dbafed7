using System.Security.Claims;
using Abm.Server.Configuration;
using Abm.Server.Errors;
using Abm.Server.Features.Access;
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
        services.AddScoped<ContentReach>();
        services.AddScoped<RecommendationFeedbackStore>();
        return services;
    }

    public static RouteGroupBuilder MapRecommendationEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/contacts/{id:guid}/recommendations", GetAsync).WithTags("Recommendations").WithName("GetRecommendations")
            .WithSummary("The next best content for a contact, each item with its per-factor contributions and a reason.");
        var feedback = api.MapGroup("/contacts/{id:guid}/recommendations").WithTags("Recommendations");
        feedback.MapGet("/feedback", ListFeedbackAsync).WithName("ListRecommendationFeedback")
            .WithSummary("Every item approved or skipped for the contact, newest first, with who decided and when.");
        feedback.MapPut("/{contentId:guid}/feedback", DecideAsync).WithName("DecideRecommendation").RequireAuthorization(AccessPolicies.Steering)
            .WithSummary("Approves (keeps it, marked approved) or skips (no longer recommended to this contact) one item for the contact.");
        feedback.MapDelete("/{contentId:guid}/feedback", WithdrawAsync).WithName("WithdrawRecommendationFeedback").RequireAuthorization(AccessPolicies.Steering)
            .WithSummary("Takes back an approval or a skip: the item is recommended on its merits again.");
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

    private static async Task<Results<Ok<FeedbackResponse>, ProblemHttpResult, ValidationProblem>> DecideAsync(
        Guid id, Guid contentId, FeedbackRequest request, ClaimsPrincipal user, RecommendationFeedbackStore store, CancellationToken cancellationToken)
    {
        if (request.Verdict is not { } verdict || !FeedbackVerdicts.All.Contains(verdict))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["verdict"] = ["verdict must be approved or skipped."] });
        }

        return await store.DecideAsync(id, contentId, verdict, user.Actor(), cancellationToken) is { } decided
            ? TypedResults.Ok(decided)
            : ApiProblems.NotFound("Contact or content not found", $"No contact {id} or no content item {contentId} in this workspace.");
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> WithdrawAsync(Guid id, Guid contentId, RecommendationFeedbackStore store, CancellationToken cancellationToken) =>
        await store.WithdrawAsync(id, contentId, cancellationToken)
            ? TypedResults.NoContent()
            : ApiProblems.NotFound("No verdict", $"Nobody approved or skipped content item {contentId} for contact {id} in this workspace.");

    private static async Task<Results<Ok<IReadOnlyList<FeedbackResponse>>, ProblemHttpResult>> ListFeedbackAsync(
        Guid id, RecommendationFeedbackStore store, CancellationToken cancellationToken) =>
        await store.ListAsync(id, cancellationToken) is { } verdicts
            ? TypedResults.Ok(verdicts)
            : ApiProblems.NotFound("Contact not found", $"No contact {id} in this workspace.");
}
