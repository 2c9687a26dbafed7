using System.Security.Claims;
using Abm.Data;
using Abm.Server.Errors;
using Abm.Server.Features.Audit;
using Abm.Server.Features.Nurture.Enrollments;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Features.Nurture;

/// <summary>Which running enrolments to move: those on <see cref="FromVersion"/>, or on any older version when it is null.</summary>
internal sealed record MigrateRequest(int? FromVersion);

internal sealed record MigrationSkip(Guid EnrollmentId, int Version, string? StepId, string Reason);

internal sealed record MigrateResponse(Guid SequenceId, int ToVersion, int Migrated, IReadOnlyList<MigrationSkip> NotMigrated);

/// <summary>
/// Moves running enrolments of a sequence onto its current version, explicitly: editing a sequence never moves them.
/// An enrolment keeps its place (the step it is at, when it got there, its steps taken), so it can move only if
/// that step exists in the current version under the same id; otherwise it stays where it is and is reported.
/// Actions already logged keep the version they were planned on.
/// </summary>
internal static class SequenceMigration
{
    public static async Task<Results<Ok<MigrateResponse>, ValidationProblem, ProblemHttpResult>> MigrateAsync(
        Guid id, MigrateRequest request, ClaimsPrincipal user, AbmDbContext database, SequenceDefinitions definitions, AuditTrail audit,
        CancellationToken cancellationToken)
    {
        if (await SequenceHandlers.FindAsync(database, id, cancellationToken) is not { } sequence)
        {
            return SequenceHandlers.NotFound(id);
        }

        if (request.FromVersion is { } from && (from < 1 || from >= sequence.Version))
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["fromVersion"] = [$"must be an older version than the current {sequence.Version} (1..{sequence.Version - 1})."] });
        }

        if (await definitions.GetAsync(database, id, sequence.Version, cancellationToken) is not { } current)
        {
            return ApiProblems.Conflict("Current version unreadable", $"Version {sequence.Version} of the sequence no longer reads.");
        }

        var running = await database.NurtureEnrollments
            .Where(e => e.SequenceId == id && e.Status == EnrollmentStatus.Active && e.SequenceVersion < sequence.Version
                && (request.FromVersion == null || e.SequenceVersion == request.FromVersion))
            .ToListAsync(cancellationToken);
        var skipped = new List<MigrationSkip>();
        foreach (var enrollment in running)
        {
            if (enrollment.CurrentStepId is { } step && current.StepById(step) is null)
            {
                skipped.Add(new MigrationSkip(enrollment.Id, enrollment.SequenceVersion, step, $"step '{step}' is not in version {sequence.Version}"));
                continue;
            }

            enrollment.SequenceVersion = sequence.Version;
        }

        var migrated = running.Count - skipped.Count;
        audit.Record(sequence.WorkspaceId, user, "nurture.enrollments.migrated", "nurture_sequence", sequence.Id.ToString(),
            new { toVersion = sequence.Version, request.FromVersion, migrated, notMigrated = skipped.Count });
        await database.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new MigrateResponse(id, sequence.Version, migrated, skipped));
    }
}
