using System.Text.Json;
using Abm.Data;
using Abm.Data.Entities;
using Abm.Engines.Recommendations;
using Abm.Engines.Recommendations.Fitting;
using Abm.Server.Features.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Abm.Server.Features.Recommendations.Fitting;

/// <summary>
/// Fits the recommender's weights on the workspace's own history, keeps every fit with its evaluation, and puts a
/// proposal in force only when an admin approves it. Every change of the weights in force is audited.
/// </summary>
internal sealed class WeightFitting(
    AbmDbContext database, FittingHistory history, AuditTrail audit, IOptions<RecommendationOptions> options, TimeProvider clock)
{
    /// <summary>Fewer contacts judged in either period than this and a fit would follow noise: it is refused.</summary>
    public const int MinimumContactsPerPeriod = 30;

    /// <summary>
    /// The largest sample a fit judges per period: its factor table holds six numbers per contact and item it could
    /// be shown (about 270 MB for 20,000 contacts and a 560-item library).
    /// </summary>
    public const int MaxContactsPerPeriod = 20_000;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public enum Outcome { Done, NotFound, NotProposed, WeightsChanged, NotEnoughHistory }

    /// <summary>The weights in force: the active fit's, else the defaults.</summary>
    public async Task<WeightsInForceResponse> InForceAsync(CancellationToken cancellationToken)
    {
        var active = await database.RecommenderWeightFits.AsNoTracking().FirstOrDefaultAsync(f => f.Status == WeightFitStatuses.Active, cancellationToken);
        return active is null
            ? new WeightsInForceResponse(WeightsDocument.From(RelevanceWeights.Default), "default", null, null, null)
            : new WeightsInForceResponse(Weights(active.FittedWeights), "fitted", active.Id, active.DecidedAt, active.DecidedBy);
    }

    /// <summary>
    /// The nightly pass's fit: runs when the workspace's last fit is <see cref="RecommendationOptions.FitEveryDays"/>
    /// days old or more. Its id is derived from the workspace and the day, so when several server instances run the
    /// pass at once only one fit is kept. True when a fit was stored.
    /// </summary>
    public async Task<bool> RunScheduledAsync(Guid workspaceId, CancellationToken cancellationToken)
    {
        var every = options.Value.FitEveryDays;
        var now = clock.GetUtcNow().UtcDateTime;
        var last = await database.RecommenderWeightFits.MaxAsync(f => (DateTime?)f.CreatedAt, cancellationToken);
        if (every == 0 || last > now.AddDays(-every))
        {
            return false;
        }

        var id = ScheduledId(workspaceId, now);
        try
        {
            return (await RunAsync(workspaceId, "nightly pass", new WeightFitRequest(null, null, null), cancellationToken, id)).Outcome == Outcome.Done;
        }
        catch (DbUpdateException)
        {
            database.ChangeTracker.Clear();
            if (await database.RecommenderWeightFits.AsNoTracking().AnyAsync(f => f.Id == id, cancellationToken))
            {
                return false; // another instance stored today's fit first
            }

            throw;
        }
    }

    // Name-based: the first 16 bytes of SHA-256 over the workspace and the UTC day, marked as a version 8 UUID.
    private static Guid ScheduledId(Guid workspaceId, DateTime now)
    {
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"weight-fit:{workspaceId:N}:{now:yyyy-MM-dd}"));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }

    public async Task<(Outcome Outcome, WeightFitResponse? Fit, string? Detail)> RunAsync(
        Guid workspaceId, string actor, WeightFitRequest request, CancellationToken cancellationToken, Guid? id = null)
    {
        var days = request.PeriodDays ?? 7;
        var margin = request.Margin ?? 0.03;
        var now = clock.GetUtcNow().UtcDateTime;
        var window = FittingWindow.Ending(now, days);
        var current = (await InForceAsync(cancellationToken)).Weights.ToEngine();
        var settings = RecommenderSettings.Default with { Weights = current, AllowOtherIndustries = options.Value.AllowOtherIndustries };
        var (fitPeriod, heldOut) = await history.LoadAsync(workspaceId, settings, window, request.MaxContacts ?? 2000, cancellationToken);
        var fit = WeightFitter.Fit(fitPeriod, heldOut, current);
        if (fit.CurrentOnFit.Contacts < MinimumContactsPerPeriod || fit.CurrentOnHeldOut.Contacts < MinimumContactsPerPeriod)
        {
            return (Outcome.NotEnoughHistory, null,
                $"{fit.CurrentOnFit.Contacts} contacts engaged with content they had not read before in the {days} days from {window.FitCutoff:u}, "
                + $"and {fit.CurrentOnHeldOut.Contacts} in the {days} days after; at least {MinimumContactsPerPeriod} in each period are needed.");
        }

        var row = new RecommenderWeightFit
        {
            Id = id ?? Guid.CreateVersion7(),
            WorkspaceId = workspaceId,
            Status = fit.BeatsCurrent(margin) ? WeightFitStatuses.Proposed : WeightFitStatuses.NotBetter,
            CurrentWeights = JsonSerializer.Serialize(WeightsDocument.From(fit.Current), Json),
            FittedWeights = JsonSerializer.Serialize(WeightsDocument.From(fit.Fitted), Json),
            Evaluation = JsonSerializer.Serialize(
                new FitEvaluationDocument(
                    EvaluationDocument.From(fit.CurrentOnFit), EvaluationDocument.From(fit.FittedOnFit),
                    EvaluationDocument.From(fit.CurrentOnHeldOut), EvaluationDocument.From(fit.FittedOnHeldOut),
                    margin, days, fit.WeightingsTried),
                Json),
            FitCutoff = window.FitCutoff,
            HeldOutCutoff = window.HeldOutCutoff,
            CreatedAt = now,
            CreatedBy = actor,
        };
        database.RecommenderWeightFits.Add(row);
        audit.Record(workspaceId, actor, "recommender.weights_fitted", "recommender_weight_fit", row.Id.ToString(), new { row.Status, days, margin });
        await database.SaveChangesAsync(cancellationToken);
        return (Outcome.Done, ToResponse(row), null);
    }

    public async Task<IReadOnlyList<WeightFitResponse>> ListAsync(int limit, CancellationToken cancellationToken) =>
        [.. (await database.RecommenderWeightFits.AsNoTracking().OrderByDescending(f => f.CreatedAt).ThenByDescending(f => f.Id).Take(limit)
            .ToListAsync(cancellationToken)).Select(ToResponse)];

    public async Task<WeightFitResponse?> GetAsync(Guid id, CancellationToken cancellationToken) =>
        await database.RecommenderWeightFits.AsNoTracking().SingleOrDefaultAsync(f => f.Id == id, cancellationToken) is { } row ? ToResponse(row) : null;

    /// <summary>
    /// Puts a proposal in force. Refused when it is not a proposal, or when the weights in force changed since it
    /// was fitted: its evaluation compared it with weights that no longer apply.
    /// </summary>
    public async Task<(Outcome Outcome, WeightFitResponse? Fit)> ApproveAsync(Guid workspaceId, Guid id, string actor, CancellationToken cancellationToken)
    {
        var row = await database.RecommenderWeightFits.SingleOrDefaultAsync(f => f.Id == id, cancellationToken);
        if (row is null || row.Status != WeightFitStatuses.Proposed)
        {
            return (row is null ? Outcome.NotFound : Outcome.NotProposed, row is null ? null : ToResponse(row));
        }

        var inForce = await InForceAsync(cancellationToken);
        if (inForce.Weights != Weights(row.CurrentWeights))
        {
            return (Outcome.WeightsChanged, ToResponse(row));
        }

        await using var transaction = await database.Database.BeginTransactionAsync(cancellationToken);
        await SupersedeActiveAsync(cancellationToken);
        (row.Status, row.DecidedAt, row.DecidedBy) = (WeightFitStatuses.Active, clock.GetUtcNow().UtcDateTime, actor);
        audit.Record(workspaceId, actor, "recommender.weights_approved", "recommender_weight_fit", row.Id.ToString(), Weights(row.FittedWeights));
        await database.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (Outcome.Done, ToResponse(row));
    }

    public async Task<(Outcome Outcome, WeightFitResponse? Fit)> RejectAsync(Guid workspaceId, Guid id, string actor, CancellationToken cancellationToken)
    {
        var row = await database.RecommenderWeightFits.SingleOrDefaultAsync(f => f.Id == id, cancellationToken);
        if (row is null || row.Status != WeightFitStatuses.Proposed)
        {
            return (row is null ? Outcome.NotFound : Outcome.NotProposed, row is null ? null : ToResponse(row));
        }

        (row.Status, row.DecidedAt, row.DecidedBy) = (WeightFitStatuses.Rejected, clock.GetUtcNow().UtcDateTime, actor);
        audit.Record(workspaceId, actor, "recommender.weights_rejected", "recommender_weight_fit", row.Id.ToString());
        await database.SaveChangesAsync(cancellationToken);
        return (Outcome.Done, ToResponse(row));
    }

    /// <summary>Back to the default weights; the fit that was in force is kept, marked superseded.</summary>
    public async Task<WeightsInForceResponse> ResetAsync(Guid workspaceId, string actor, CancellationToken cancellationToken)
    {
        if (await SupersedeActiveAsync(cancellationToken) > 0)
        {
            audit.Record(workspaceId, actor, "recommender.weights_reset", "recommender_weight_fit", null);
            await database.SaveChangesAsync(cancellationToken);
        }

        return await InForceAsync(cancellationToken);
    }

    // The superseded fit keeps who approved it and when; who replaced it is in the audit log.
    private Task<int> SupersedeActiveAsync(CancellationToken cancellationToken) =>
        database.RecommenderWeightFits.Where(f => f.Status == WeightFitStatuses.Active)
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.Status, WeightFitStatuses.Superseded), cancellationToken);

    private static WeightsDocument Weights(string json) => JsonSerializer.Deserialize<WeightsDocument>(json, Json)!;

    private static WeightFitResponse ToResponse(RecommenderWeightFit row) => new(
        row.Id, row.Status, Weights(row.CurrentWeights), Weights(row.FittedWeights),
        JsonSerializer.Deserialize<FitEvaluationDocument>(row.Evaluation, Json)!,
        row.FitCutoff, row.HeldOutCutoff, row.CreatedAt, row.CreatedBy, row.DecidedAt, row.DecidedBy);
}
