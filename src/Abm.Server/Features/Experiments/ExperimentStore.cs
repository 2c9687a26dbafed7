using System.Security.Claims;
using System.Text.Json;
using Abm.Data;
using Abm.Data.Entities;
using Abm.Server.Features.Access;
using Abm.Server.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Features.Experiments;

/// <summary>What became of a change asked of an experiment.</summary>
internal enum ExperimentChange { Done, NotFound, WrongStatus, AnotherRunning, KeyTaken }

/// <summary>
/// Experiments' life: drafted (and redrafted), started, stopped by hand or by the evaluator, deleted. A running
/// experiment's definition cannot change (its results would mix two experiments); every change is audited.
/// </summary>
internal sealed class ExperimentStore(AbmDbContext database, AuditTrail audit, TimeProvider clock)
{
    public async Task<List<ExperimentResponse>> ListAsync(CancellationToken cancellationToken) =>
        [.. (await database.Experiments.AsNoTracking().OrderByDescending(e => e.CreatedAt).ToListAsync(cancellationToken)).Select(Response)];

    public async Task<ExperimentResponse?> GetAsync(Guid id, CancellationToken cancellationToken) =>
        await database.Experiments.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, cancellationToken) is { } experiment ? Response(experiment) : null;

    public async Task<(ExperimentChange Change, ExperimentResponse? Experiment)> CreateAsync(
        ExperimentRequest request, IReadOnlyList<ArmDocument> arms, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (await database.Experiments.AnyAsync(e => e.Key == request.Key, cancellationToken))
        {
            return (ExperimentChange.KeyTaken, null);
        }

        var experiment = new Experiment
        {
            Id = Guid.CreateVersion7(), WorkspaceId = database.CurrentWorkspaceId!.Value, Key = request.Key!, Name = request.Name!.Trim(),
            CreatedAt = clock.GetUtcNow().UtcDateTime, CreatedBy = user.Actor(),
        };
        Define(experiment, request, arms);
        database.Experiments.Add(experiment);
        audit.Record(experiment.WorkspaceId, user, "experiment.created", "experiment", experiment.Id.ToString(), new { experiment.Key, arms = arms.Select(a => a.Key) });
        await database.SaveChangesAsync(cancellationToken);
        return (ExperimentChange.Done, Response(experiment));
    }

    public async Task<(ExperimentChange Change, ExperimentResponse? Experiment)> ReplaceAsync(
        Guid id, ExperimentRequest request, IReadOnlyList<ArmDocument> arms, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (await database.Experiments.SingleOrDefaultAsync(e => e.Id == id, cancellationToken) is not { } experiment)
        {
            return (ExperimentChange.NotFound, null);
        }

        if (experiment.Status != ExperimentStatuses.Draft)
        {
            return (ExperimentChange.WrongStatus, Response(experiment));
        }

        if (request.Key != experiment.Key && await database.Experiments.AnyAsync(e => e.Key == request.Key, cancellationToken))
        {
            return (ExperimentChange.KeyTaken, null);
        }

        experiment.Key = request.Key!;
        experiment.Name = request.Name!.Trim();
        Define(experiment, request, arms);
        audit.Record(experiment.WorkspaceId, user, "experiment.changed", "experiment", experiment.Id.ToString(), new { experiment.Key, arms = arms.Select(a => a.Key) });
        await database.SaveChangesAsync(cancellationToken);
        return (ExperimentChange.Done, Response(experiment));
    }

    /// <summary>Starts a draft; refused when another experiment of its kind runs in the workspace.</summary>
    public async Task<(ExperimentChange Change, ExperimentResponse? Experiment)> StartAsync(Guid id, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (await database.Experiments.SingleOrDefaultAsync(e => e.Id == id, cancellationToken) is not { } experiment)
        {
            return (ExperimentChange.NotFound, null);
        }

        if (experiment.Status != ExperimentStatuses.Draft)
        {
            return (ExperimentChange.WrongStatus, Response(experiment));
        }

        if (await database.Experiments.AnyAsync(e => e.Kind == experiment.Kind && e.Status == ExperimentStatuses.Running, cancellationToken))
        {
            return (ExperimentChange.AnotherRunning, Response(experiment));
        }

        experiment.Status = ExperimentStatuses.Running;
        experiment.StartedAt = clock.GetUtcNow().UtcDateTime;
        audit.Record(experiment.WorkspaceId, user, "experiment.started", "experiment", experiment.Id.ToString());
        try
        {
            await database.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another start won the race: the one-running-per-kind index refused this one.
            return (ExperimentChange.AnotherRunning, null);
        }

        return (ExperimentChange.Done, Response(experiment));
    }

    /// <summary>Stops a running experiment by hand, recording who stopped it as its decision.</summary>
    public async Task<(ExperimentChange Change, ExperimentResponse? Experiment)> StopAsync(Guid id, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (await database.Experiments.SingleOrDefaultAsync(e => e.Id == id, cancellationToken) is not { } experiment)
        {
            return (ExperimentChange.NotFound, null);
        }

        if (experiment.Status != ExperimentStatuses.Running)
        {
            return (ExperimentChange.WrongStatus, Response(experiment));
        }

        Stop(experiment, $"stopped by {user.Actor()}");
        audit.Record(experiment.WorkspaceId, user, "experiment.stopped", "experiment", experiment.Id.ToString(), new { experiment.Decision });
        await database.SaveChangesAsync(cancellationToken);
        return (ExperimentChange.Done, Response(experiment));
    }

    /// <summary>Deletes a draft or a stopped experiment with its exposures; a running one is stopped first.</summary>
    public async Task<ExperimentChange> DeleteAsync(Guid id, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (await database.Experiments.SingleOrDefaultAsync(e => e.Id == id, cancellationToken) is not { } experiment)
        {
            return ExperimentChange.NotFound;
        }

        if (experiment.Status == ExperimentStatuses.Running)
        {
            return ExperimentChange.WrongStatus;
        }

        database.Experiments.Remove(experiment);
        audit.Record(experiment.WorkspaceId, user, "experiment.deleted", "experiment", experiment.Id.ToString(), new { experiment.Key });
        await database.SaveChangesAsync(cancellationToken);
        return ExperimentChange.Done;
    }

    public void Stop(Experiment experiment, string decision)
    {
        experiment.Status = ExperimentStatuses.Stopped;
        experiment.EndedAt = clock.GetUtcNow().UtcDateTime;
        experiment.Decision = decision.Length > 1000 ? decision[..1000] : decision;
    }

    public static ExperimentResponse Response(Experiment e) => new(
        e.Id, e.Key, e.Name, e.Kind, e.Status, ExperimentDefinitions.Arms(e.Variants), e.HoldoutShare, e.Metric, e.Alpha, e.EffectSize, e.MaxDays,
        e.StartedAt, e.EndedAt, e.Decision, e.EvaluatedAt, e.CreatedBy, e.CreatedAt);

    private static void Define(Experiment experiment, ExperimentRequest request, IReadOnlyList<ArmDocument> arms)
    {
        experiment.Variants = JsonSerializer.Serialize(arms, ExperimentDefinitions.Json);
        experiment.HoldoutShare = request.HoldoutShare ?? 0;
        experiment.Metric = request.Metric ?? ExperimentMetrics.Engaged7d;
        experiment.Alpha = request.Alpha ?? 0.05;
        experiment.EffectSize = request.EffectSize ?? 0.05;
        experiment.MaxDays = request.MaxDays ?? 30;
    }
}
