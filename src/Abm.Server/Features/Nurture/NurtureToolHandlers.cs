using System.Security.Claims;
using Abm.Data;
using Abm.Engines;
using Abm.Engines.Journey;
using Abm.Engines.Nurture;
using Abm.Engines.Personas;
using Abm.Server.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Features.Nurture;

/// <summary>The schema, the shipped templates and the dry run.</summary>
internal static class NurtureToolHandlers
{
    private const int MaxHorizonDays = 365;

    public static IResult Schema() => Results.Json(SequenceSchema.Document, contentType: "application/schema+json");

    public static Ok<List<TemplateSummary>> Templates() =>
        TypedResults.Ok(SequenceTemplates.All.Select(t => new TemplateSummary(t.Key, t.Name,
            t.Document.TryGetProperty("description", out var description) ? description.GetString() : null)).ToList());

    public static async Task<Results<Created<SequenceDetail>, ProblemHttpResult>> InstantiateAsync(
        string key, ClaimsPrincipal user, SequenceStore store, CancellationToken cancellationToken)
    {
        if (SequenceTemplates.Find(key) is not { } template)
        {
            return ApiProblems.NotFound("Template not found", $"No template '{key}'; GET /api/nurture/templates lists them.");
        }

        var sequence = await store.CreateFromTemplateAsync(template, user, cancellationToken);
        return TypedResults.Created($"/api/nurture/sequences/{sequence.Id}", SequenceDetail.From(sequence));
    }

    public static async Task<Results<Ok<DryRunResponse>, ValidationProblem, ProblemHttpResult>> DryRunAsync(
        Guid id, DryRunRequest request, AbmDbContext database, TimeProvider clock, CancellationToken cancellationToken)
    {
        var horizon = request.HorizonDays ?? 60;
        if (horizon is < 1 or > MaxHorizonDays)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["horizonDays"] = [$"must be from 1 to {MaxHorizonDays}."] });
        }

        TimeZoneInfo? requestedZone = null;
        if (request.TimeZone is { } zoneId && !ContactTimeZone.TryFind(zoneId, out requestedZone))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["timeZone"] = [$"'{zoneId}' is not a known IANA time zone, e.g. Europe/London."] });
        }

        if (await SequenceHandlers.FindAsync(database, id, cancellationToken) is not { } sequence)
        {
            return SequenceHandlers.NotFound(id);
        }

        if (await database.Contacts.FirstOrDefaultAsync(c => c.Id == request.ContactId && c.ArchivedAt == null, cancellationToken) is not { } contact)
        {
            return ApiProblems.NotFound("Contact not found", $"No contact {request.ContactId} in this workspace.");
        }

        var definition = SequenceDocumentReader.Read(System.Text.Json.JsonDocument.Parse(sequence.Definition).RootElement).Definition!;
        var zone = requestedZone ?? ContactTimeZone.FromProperties(contact.Properties);
        var facts = new NurtureFacts(
            contact.EngagementScore,
            WireNames.TryParseJourneyStage(contact.JourneyStageOverride ?? contact.JourneyStage, out var stage) ? stage : JourneyStage.ProblemAwareness,
            WireNames.TryParsePersona(contact.PersonaType, out var persona) ? persona : Persona.Unknown,
            contact.Segments.ToHashSet(StringComparer.Ordinal),
            new HashSet<SequenceGoal>(),
            null,
            zone);
        var start = request.Start ?? clock.GetUtcNow();
        var entries = NurtureDryRun.Simulate(definition, facts, start, TimeSpan.FromDays(horizon));
        return TypedResults.Ok(new DryRunResponse(sequence.Id, sequence.Version, contact.Id, start, zone.Id,
            entries.Select(e => new DryRunStep(e.At, e.StepId, e.Action, e.Why)).ToList()));
    }
}
