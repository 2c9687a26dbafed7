using System.Security.Claims;
using Abm.Data;
using Abm.Server.Errors;
using Abm.Server.Features.Access;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Abm.Server.Features.Recommendations.Fitting;

/// <summary>The weights in force, fitting them on the workspace's history, and deciding on a proposal.</summary>
internal static class WeightFitEndpoints
{
    private const int MaxListed = 50;

    public static IServiceCollection AddWeightFitting(this IServiceCollection services) =>
        services.AddScoped<FittingHistory>().AddScoped<WeightFitting>();

    public static RouteGroupBuilder MapWeightFitEndpoints(this RouteGroupBuilder api)
    {
        var weights = api.MapGroup("/recommendations").WithTags("Recommendations");
        weights.MapGet("/weights", InForceAsync).WithName("GetRecommenderWeights")
            .WithSummary("The six factor weights every recommendation of the workspace uses now: the defaults or an approved fit's.");
        weights.MapDelete("/weights", ResetAsync).WithName("ResetRecommenderWeights").RequireAuthorization(AccessPolicies.Admin)
            .WithSummary("Puts the default weights back in force; the fit that was in force is kept, marked superseded.");
        weights.MapPost("/weight-fits", FitAsync).WithName("FitRecommenderWeights").RequireAuthorization(AccessPolicies.Admin)
            .WithSummary("Fits the weights on the workspace's own history (a fit period, then a held-out period that judges them) and proposes them when they beat the weights in force by the margin.");
        weights.MapGet("/weight-fits", ListAsync).WithName("ListRecommenderWeightFits").RequireAuthorization(AccessPolicies.Admin)
            .WithSummary("The workspace's fits, newest first, with their evaluations and what became of them.");
        weights.MapGet("/weight-fits/{id:guid}", GetAsync).WithName("GetRecommenderWeightFit").RequireAuthorization(AccessPolicies.Admin)
            .WithSummary("One fit with its evaluation.");
        weights.MapPost("/weight-fits/{id:guid}/approve", ApproveAsync).WithName("ApproveRecommenderWeightFit").RequireAuthorization(AccessPolicies.Admin)
            .WithSummary("Puts a proposed fit's weights in force for every recommendation of the workspace.");
        weights.MapPost("/weight-fits/{id:guid}/reject", RejectAsync).WithName("RejectRecommenderWeightFit").RequireAuthorization(AccessPolicies.Admin)
            .WithSummary("Turns a proposal down; the weights in force stay.");
        return api;
    }

    private static async Task<Ok<WeightsInForceResponse>> InForceAsync(WeightFitting fitting, CancellationToken cancellationToken) =>
        TypedResults.Ok(await fitting.InForceAsync(cancellationToken));

    private static async Task<Ok<WeightsInForceResponse>> ResetAsync(ClaimsPrincipal user, AbmDbContext database, WeightFitting fitting, CancellationToken cancellationToken) =>
        TypedResults.Ok(await fitting.ResetAsync(database.CurrentWorkspaceId!.Value, user.Actor(), cancellationToken));

    private static async Task<Results<Created<WeightFitResponse>, ProblemHttpResult, ValidationProblem>> FitAsync(
        WeightFitRequest? request, ClaimsPrincipal user, AbmDbContext database, WeightFitting fitting, CancellationToken cancellationToken)
    {
        request ??= new WeightFitRequest(null, null, null);
        var errors = new Dictionary<string, string[]>();
        if (request.PeriodDays is < 1 or > 90)
        {
            errors["periodDays"] = ["periodDays must be between 1 and 90."];
        }

        if (request.Margin is { } margin && !(margin is >= 0 and <= 1))
        {
            errors["margin"] = ["margin must be between 0 and 1 (0.03 asks for 3 % better NDCG@5 on the held-out period)."];
        }

        if (request.MaxContacts is < 100 or > WeightFitting.MaxContactsPerPeriod)
        {
            errors["maxContacts"] = [$"maxContacts must be between 100 and {WeightFitting.MaxContactsPerPeriod}."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var (outcome, fit, detail) = await fitting.RunAsync(database.CurrentWorkspaceId!.Value, user.Actor(), request, cancellationToken);
        return outcome == WeightFitting.Outcome.Done
            ? TypedResults.Created($"/api/recommendations/weight-fits/{fit!.Id}", fit)
            : ApiProblems.Conflict("Not enough history to fit", detail!);
    }

    private static async Task<Ok<IReadOnlyList<WeightFitResponse>>> ListAsync(WeightFitting fitting, CancellationToken cancellationToken) =>
        TypedResults.Ok(await fitting.ListAsync(MaxListed, cancellationToken));

    private static async Task<Results<Ok<WeightFitResponse>, ProblemHttpResult>> GetAsync(Guid id, WeightFitting fitting, CancellationToken cancellationToken) =>
        await fitting.GetAsync(id, cancellationToken) is { } fit ? TypedResults.Ok(fit) : NotFound(id);

    private static async Task<Results<Ok<WeightFitResponse>, ProblemHttpResult>> ApproveAsync(
        Guid id, ClaimsPrincipal user, AbmDbContext database, WeightFitting fitting, CancellationToken cancellationToken) =>
        Decided(id, await fitting.ApproveAsync(database.CurrentWorkspaceId!.Value, id, user.Actor(), cancellationToken));

    private static async Task<Results<Ok<WeightFitResponse>, ProblemHttpResult>> RejectAsync(
        Guid id, ClaimsPrincipal user, AbmDbContext database, WeightFitting fitting, CancellationToken cancellationToken) =>
        Decided(id, await fitting.RejectAsync(database.CurrentWorkspaceId!.Value, id, user.Actor(), cancellationToken));

    private static Results<Ok<WeightFitResponse>, ProblemHttpResult> Decided(Guid id, (WeightFitting.Outcome Outcome, WeightFitResponse? Fit) result) => result.Outcome switch
    {
        WeightFitting.Outcome.Done => TypedResults.Ok(result.Fit!),
        WeightFitting.Outcome.NotFound => NotFound(id),
        WeightFitting.Outcome.WeightsChanged => ApiProblems.Conflict("Weights changed since this fit",
            $"Fit {id} was judged against weights that are no longer in force; fit again to compare with the weights in force now."),
        _ => ApiProblems.Conflict("Not a proposal", $"Fit {id} is {result.Fit!.Status}; only a proposed fit can be approved or rejected."),
    };

    private static ProblemHttpResult NotFound(Guid id) => ApiProblems.NotFound("Fit not found", $"No weight fit {id} in this workspace.");
}
