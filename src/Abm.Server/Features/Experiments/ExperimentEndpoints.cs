using System.Security.Claims;
using Abm.Server.Configuration;
using Abm.Server.Errors;
using Abm.Server.Features.Access;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Abm.Server.Features.Experiments;

/// <summary><c>/api/experiments</c>: A/B tests of how recommendations are ranked, by account, stopped by a rule that is safe to peek at.</summary>
internal static class ExperimentEndpoints
{
    public static IServiceCollection AddExperiments(this IServiceCollection services)
    {
        services.AddOptions<ExperimentOptions>().BindConfiguration(ExperimentOptions.Section).ValidateSettings();
        services.AddScoped<ExperimentDefinitions>().AddScoped<ExperimentStore>().AddScoped<ExperimentExposures>()
            .AddScoped<ExperimentOutcomes>().AddScoped<ExperimentEvaluator>();
        services.AddHostedService<ExperimentWorker>();
        return services;
    }

    public static RouteGroupBuilder MapExperimentEndpoints(this RouteGroupBuilder api)
    {
        var experiments = api.MapGroup("/experiments").WithTags("Experiments");
        experiments.MapGet("/", ListAsync).WithName("ListExperiments").WithSummary("The workspace's experiments, newest first.");
        experiments.MapPost("/", CreateAsync).WithName("CreateExperiment").RequireAuthorization(AccessPolicies.Marketing)
            .WithSummary("A draft experiment: 2-4 arms (the first is the control), each ranking with frozen factor weights; holdout, metric, alpha, effect size, planned length.");
        experiments.MapGet("/{id:guid}", GetAsync).WithName("GetExperiment").WithSummary("One experiment, with its decision once stopped.");
        experiments.MapPut("/{id:guid}", ReplaceAsync).WithName("ReplaceExperiment").RequireAuthorization(AccessPolicies.Marketing)
            .WithSummary("A draft's new definition (409 once started).");
        experiments.MapDelete("/{id:guid}", DeleteAsync).WithName("DeleteExperiment").RequireAuthorization(AccessPolicies.Marketing)
            .WithSummary("Deletes a draft or stopped experiment with its exposures (409 while it runs).");
        experiments.MapPost("/{id:guid}/start", StartAsync).WithName("StartExperiment").RequireAuthorization(AccessPolicies.Admin)
            .WithSummary("Starts a draft: from now its arms rank the recommendations of their accounts (409 when another runs).");
        experiments.MapPost("/{id:guid}/stop", StopAsync).WithName("StopExperiment").RequireAuthorization(AccessPolicies.Admin)
            .WithSummary("Stops a running experiment by hand; recommendations go back to the weights in force.");
        experiments.MapGet("/{id:guid}/results", ResultsAsync).WithName("GetExperimentResults")
            .WithSummary("Every metric per arm with the difference to the control, its 95% interval, and the always-valid p-value.");
        return api;
    }

    private static async Task<Ok<List<ExperimentResponse>>> ListAsync(ExperimentStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok(await store.ListAsync(cancellationToken));

    private static async Task<Results<Ok<ExperimentResponse>, ProblemHttpResult>> GetAsync(Guid id, ExperimentStore store, CancellationToken cancellationToken) =>
        await store.GetAsync(id, cancellationToken) is { } experiment ? TypedResults.Ok(experiment) : NotFound(id);

    private static async Task<Results<Created<ExperimentResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        ExperimentRequest request, ClaimsPrincipal user, ExperimentDefinitions definitions, ExperimentStore store, CancellationToken cancellationToken)
    {
        var (arms, invalid) = await DefineAsync(request, definitions, cancellationToken);
        if (invalid is not null)
        {
            return invalid;
        }

        var (change, experiment) = await store.CreateAsync(request, arms!, user, cancellationToken);
        return change == ExperimentChange.KeyTaken ? KeyTaken(request.Key!) : TypedResults.Created($"/api/experiments/{experiment!.Id}", experiment);
    }

    private static async Task<Results<Ok<ExperimentResponse>, ValidationProblem, ProblemHttpResult>> ReplaceAsync(
        Guid id, ExperimentRequest request, ClaimsPrincipal user, ExperimentDefinitions definitions, ExperimentStore store, CancellationToken cancellationToken)
    {
        var (arms, invalid) = await DefineAsync(request, definitions, cancellationToken);
        if (invalid is not null)
        {
            return invalid;
        }

        return Answer(id, await store.ReplaceAsync(id, request, arms!, user, cancellationToken), request.Key);
    }

    private static async Task<Results<Ok<ExperimentResponse>, ValidationProblem, ProblemHttpResult>> StartAsync(
        Guid id, ClaimsPrincipal user, ExperimentStore store, CancellationToken cancellationToken) =>
        Answer(id, await store.StartAsync(id, user, cancellationToken), null);

    private static async Task<Results<Ok<ExperimentResponse>, ValidationProblem, ProblemHttpResult>> StopAsync(
        Guid id, ClaimsPrincipal user, ExperimentStore store, CancellationToken cancellationToken) =>
        Answer(id, await store.StopAsync(id, user, cancellationToken), null);

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(Guid id, ClaimsPrincipal user, ExperimentStore store, CancellationToken cancellationToken) =>
        await store.DeleteAsync(id, user, cancellationToken) switch
        {
            ExperimentChange.Done => TypedResults.NoContent(),
            ExperimentChange.NotFound => NotFound(id),
            _ => ApiProblems.Conflict("Experiment is running", "Stop the experiment before deleting it."),
        };

    private static async Task<Results<Ok<ExperimentResults>, ProblemHttpResult>> ResultsAsync(Guid id, ExperimentEvaluator evaluator, CancellationToken cancellationToken) =>
        await evaluator.ResultsAsync(id, cancellationToken) is { } results ? TypedResults.Ok(results) : NotFound(id);

    private static async Task<(List<ArmDocument>? Arms, ValidationProblem? Invalid)> DefineAsync(
        ExperimentRequest request, ExperimentDefinitions definitions, CancellationToken cancellationToken)
    {
        var problems = ExperimentDefinitions.Problems(request);
        if (problems.Count > 0)
        {
            return (null, TypedResults.ValidationProblem(problems));
        }

        var (arms, problem) = await definitions.FreezeAsync(request.Arms!, cancellationToken);
        return problem is { } p ? (null, TypedResults.ValidationProblem(new Dictionary<string, string[]> { [p.Field] = [p.Message] })) : (arms, null);
    }

    private static Results<Ok<ExperimentResponse>, ValidationProblem, ProblemHttpResult> Answer(
        Guid id, (ExperimentChange Change, ExperimentResponse? Experiment) outcome, string? key) => outcome.Change switch
        {
            ExperimentChange.Done => TypedResults.Ok(outcome.Experiment!),
            ExperimentChange.NotFound => NotFound(id),
            ExperimentChange.KeyTaken => KeyTaken(key!),
            ExperimentChange.AnotherRunning => ApiProblems.Conflict("Another experiment is running", "One recommendation experiment runs at a time in a workspace; stop the running one first."),
            _ => ApiProblems.Conflict("Not possible in this status", $"The experiment is {outcome.Experiment?.Status}: a draft can be changed and started, a running experiment stopped."),
        };

    private static ProblemHttpResult KeyTaken(string key) => ApiProblems.Conflict("Key taken", $"Another experiment of this workspace has the key '{key}'.");

    private static ProblemHttpResult NotFound(Guid id) => ApiProblems.NotFound("Experiment not found", $"No experiment {id} in this workspace.");
}
