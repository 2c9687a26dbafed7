using System.Security.Claims;
using Abm.Data;
using Abm.Data.Entities;
using Abm.Server.Errors;
using Abm.Server.Features.Audit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Features.Nurture;

/// <summary>Sequences: saved as documents, versioned on every change, drafted, activated and paused.</summary>
internal static class SequenceHandlers
{
    public static async Task<Ok<List<SequenceSummary>>> ListAsync(AbmDbContext database, CancellationToken cancellationToken) =>
        TypedResults.Ok((await database.NurtureSequences.OrderBy(s => s.Name).ThenBy(s => s.Id).ToListAsync(cancellationToken)).Select(SequenceSummary.From).ToList());

    public static async Task<Results<Ok<SequenceDetail>, ProblemHttpResult>> GetAsync(Guid id, AbmDbContext database, CancellationToken cancellationToken) =>
        await FindAsync(database, id, cancellationToken) is { } sequence ? TypedResults.Ok(SequenceDetail.From(sequence)) : NotFound(id);

    public static async Task<Results<Ok<ValidationOutcome>, ValidationProblem, ProblemHttpResult>> ValidateAsync(
        SequenceDocumentBody body, SequenceDocuments documents, CancellationToken cancellationToken)
    {
        if (body.Unsupported)
        {
            return Unsupported();
        }

        if (body.Problems is { } unreadable)
        {
            return Invalid(unreadable);
        }

        var result = await documents.CheckAsync(body.Document, cancellationToken);
        return TypedResults.Ok(new ValidationOutcome(result.Problems.Count == 0, result.Problems.Select(p => new ProblemAtPath(p.Path, p.Message)).ToList()));
    }

    public static async Task<Results<Created<SequenceDetail>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        SequenceDocumentBody body, ClaimsPrincipal user, SequenceDocuments documents, SequenceStore store, CancellationToken cancellationToken)
    {
        if (body.Unsupported)
        {
            return Unsupported();
        }

        if (body.Problems is { } unreadable)
        {
            return Invalid(unreadable);
        }

        var document = body.Document;
        var result = await documents.CheckAsync(document, cancellationToken);
        if (result.Definition is not { } definition)
        {
            return Invalid(result.Problems);
        }

        var sequence = await store.CreateAsync(definition, document, user, cancellationToken);
        return TypedResults.Created($"/api/nurture/sequences/{sequence.Id}", SequenceDetail.From(sequence));
    }

    public static async Task<Results<Ok<SequenceDetail>, ValidationProblem, ProblemHttpResult>> ReplaceAsync(
        Guid id, SequenceDocumentBody body, ClaimsPrincipal user, AbmDbContext database, SequenceDocuments documents, SequenceStore store, CancellationToken cancellationToken)
    {
        if (body.Unsupported)
        {
            return Unsupported();
        }

        if (body.Problems is { } unreadable)
        {
            return Invalid(unreadable);
        }

        var document = body.Document;
        if (await FindAsync(database, id, cancellationToken) is not { } sequence)
        {
            return NotFound(id);
        }

        var result = await documents.CheckAsync(document, cancellationToken);
        if (result.Definition is not { } definition)
        {
            return Invalid(result.Problems);
        }

        await store.ReplaceAsync(sequence, definition, document, user, cancellationToken);
        return TypedResults.Ok(SequenceDetail.From(sequence));
    }

    public static Task<Results<Ok<SequenceDetail>, ProblemHttpResult>> ActivateAsync(
        Guid id, ClaimsPrincipal user, AbmDbContext database, AuditTrail audit, TimeProvider clock, CancellationToken cancellationToken) =>
        SetStatusAsync(id, "active", ["draft", "paused", "active"], user, database, audit, clock, cancellationToken);

    public static Task<Results<Ok<SequenceDetail>, ProblemHttpResult>> PauseAsync(
        Guid id, ClaimsPrincipal user, AbmDbContext database, AuditTrail audit, TimeProvider clock, CancellationToken cancellationToken) =>
        SetStatusAsync(id, "paused", ["active", "paused"], user, database, audit, clock, cancellationToken);

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        Guid id, ClaimsPrincipal user, AbmDbContext database, AuditTrail audit, CancellationToken cancellationToken)
    {
        if (await FindAsync(database, id, cancellationToken) is not { } sequence)
        {
            return NotFound(id);
        }

        if (await database.NurtureEnrollments.AnyAsync(e => e.SequenceId == id && e.Status == "active", cancellationToken))
        {
            return ApiProblems.Conflict("Sequence has active enrolments", "Pause the sequence and let its enrolments end, or unenrol them, before deleting it.");
        }

        database.NurtureSequences.Remove(sequence);
        audit.Record(sequence.WorkspaceId, user, "nurture.sequence.deleted", "nurture_sequence", sequence.Id.ToString(), new { sequence.Name });
        await database.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<Results<Ok<List<SequenceVersionResponse>>, ProblemHttpResult>> VersionsAsync(Guid id, AbmDbContext database, CancellationToken cancellationToken)
    {
        if (await FindAsync(database, id, cancellationToken) is null)
        {
            return NotFound(id);
        }

        var versions = await database.NurtureSequenceVersions.Where(v => v.SequenceId == id).OrderByDescending(v => v.Version).ToListAsync(cancellationToken);
        return TypedResults.Ok(versions.Select(SequenceVersionResponse.From).ToList());
    }

    private static async Task<Results<Ok<SequenceDetail>, ProblemHttpResult>> SetStatusAsync(
        Guid id, string status, string[] allowedFrom, ClaimsPrincipal user, AbmDbContext database, AuditTrail audit, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await FindAsync(database, id, cancellationToken) is not { } sequence)
        {
            return NotFound(id);
        }

        if (!allowedFrom.Contains(sequence.Status))
        {
            return ApiProblems.Conflict("Sequence cannot change this way", $"A {sequence.Status} sequence cannot become {status}.");
        }

        sequence.Status = status;
        sequence.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        audit.Record(sequence.WorkspaceId, user, $"nurture.sequence.{status}", "nurture_sequence", sequence.Id.ToString());
        await database.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(SequenceDetail.From(sequence));
    }

    internal static Task<NurtureSequence?> FindAsync(AbmDbContext database, Guid id, CancellationToken cancellationToken) =>
        database.NurtureSequences.FirstOrDefaultAsync(s => s.Id == id, cancellationToken);

    internal static ProblemHttpResult NotFound(Guid id) => ApiProblems.NotFound("Sequence not found", $"No nurture sequence {id} in this workspace.");

    /// <summary>A body that is neither JSON nor YAML.</summary>
    private static ProblemHttpResult Unsupported() =>
        TypedResults.Problem(title: "Unsupported media type", detail: $"Send the sequence document as {string.Join(", ", SequenceDocumentBody.MediaTypes)}.",
            statusCode: StatusCodes.Status415UnsupportedMediaType);

    private static ValidationProblem Invalid(IReadOnlyList<Abm.Engines.Nurture.SequenceProblem> problems) =>
        TypedResults.ValidationProblem(SequenceDocuments.AsErrors(problems), title: "The sequence document has problems.");
}
