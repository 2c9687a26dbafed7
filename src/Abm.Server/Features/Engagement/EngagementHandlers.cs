using System.Security.Claims;
using Abm.Data;
using Abm.Engines;
using Abm.Server.Errors;
using Abm.Server.Features.Access;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Features.Engagement;

internal static class EngagementHandlers
{
    public static async Task<Results<Ok<ContactEngagementResponse>, ProblemHttpResult>> GetContactAsync(Guid id, ContactJourney contacts, CancellationToken cancellationToken) =>
        await contacts.EngagementAsync(id, cancellationToken) is { } engagement ? TypedResults.Ok(engagement) : ContactNotFound(id);

    public static async Task<Results<Ok<AccountEngagementResponse>, ProblemHttpResult>> GetAccountAsync(Guid id, AbmDbContext database, CancellationToken cancellationToken)
    {
        var company = await database.Companies.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (company is null)
        {
            return ApiProblems.NotFound("Account not found", $"No company {id} in this workspace.");
        }

        var score = await database.AccountScores.AsNoTracking().SingleOrDefaultAsync(s => s.CompanyId == id, cancellationToken);
        return TypedResults.Ok(new AccountEngagementResponse(
            company.Id, company.HubSpotId, company.Name, score?.Score ?? 0, score?.Velocity ?? 0, score?.StakeholderCoverage ?? 0,
            score is null ? null : RoleCounts.Parse(score.RoleCounts), score?.ComputedAt));
    }

    public static async Task<Results<Ok<ContactEngagementResponse>, ProblemHttpResult, ValidationProblem>> OverrideStageAsync(
        Guid id, JourneyOverrideRequest request, ClaimsPrincipal user, ContactJourney overrides, CancellationToken cancellationToken)
    {
        if (!WireNames.TryParseJourneyStage(request.Stage, out var stage))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["stage"] = [$"stage '{request.Stage}' is not a journey stage."] });
        }

        return await overrides.SetAsync(id, stage.ToWireName(), user, cancellationToken) is { } changed ? TypedResults.Ok(changed) : ContactNotFound(id);
    }

    public static async Task<Results<Ok<ContactEngagementResponse>, ProblemHttpResult>> ClearOverrideAsync(
        Guid id, ClaimsPrincipal user, ContactJourney overrides, CancellationToken cancellationToken) =>
        await overrides.SetAsync(id, null, user, cancellationToken) is { } changed ? TypedResults.Ok(changed) : ContactNotFound(id);

    public static async Task<Results<Ok<IReadOnlyList<StageOverrideChange>>, ProblemHttpResult>> StageHistoryAsync(
        Guid id, ContactJourney overrides, CancellationToken cancellationToken) =>
        await overrides.HistoryAsync(id, cancellationToken) is { } history ? TypedResults.Ok(history) : ContactNotFound(id);

    public static async Task<Results<Ok<IReadOnlyList<ActivityEntry>>, ProblemHttpResult, ValidationProblem>> TimelineAsync(
        Guid id, int? limit, EngagementTimeline timeline, CancellationToken cancellationToken)
    {
        var length = limit ?? EngagementTimeline.DefaultLength;
        if (length is < 1 or > EngagementTimeline.MaxLength)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["limit"] = [$"limit must be between 1 and {EngagementTimeline.MaxLength}."] });
        }

        return await timeline.ForContactAsync(id, length, cancellationToken) is { } entries ? TypedResults.Ok(entries) : ContactNotFound(id);
    }

    public static async Task<Ok<RecomputeSummary>> RecomputeAsync(EngagementRecompute recompute, CancellationToken cancellationToken) =>
        TypedResults.Ok(await recompute.RecomputeWorkspaceAsync(cancellationToken));

    public static async Task<Ok<EngagementSettingsDocument>> GetSettingsAsync(ClaimsPrincipal user, EngagementSettingsEditor settings, CancellationToken cancellationToken) =>
        TypedResults.Ok(await settings.DescribeAsync(user.WorkspaceId(), cancellationToken));

    public static async Task<Ok<EngagementSettingsDocument>> SaveSettingsAsync(
        EngagementSettingsDocument request, ClaimsPrincipal user, EngagementSettingsEditor settings, CancellationToken cancellationToken) =>
        TypedResults.Ok(await settings.SaveAsync(request, user, cancellationToken));

    private static ProblemHttpResult ContactNotFound(Guid id) => ApiProblems.NotFound("Contact not found", $"No contact {id} in this workspace.");
}
