using System.Globalization;
using System.Security.Claims;
using Abm.Server.Features.Access;
using Abm.Server.Features.Audit;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Abm.Server.Features.Nurture.Execution;

/// <summary>The workspace's nurture guardrails: read by anyone, changed by an admin.</summary>
internal static class GuardrailHandlers
{
    public static async Task<Ok<GuardrailDocument>> GetAsync(ClaimsPrincipal user, GuardrailStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok(GuardrailDocument.From(await store.LoadAsync(user.WorkspaceId(), cancellationToken)));

    public static async Task<Results<Ok<GuardrailDocument>, ValidationProblem>> PutAsync(
        GuardrailDocument document, ClaimsPrincipal user, GuardrailStore store, AuditTrail audit, Abm.Data.AbmDbContext database, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (document.MaxTouchesPerContactPerWeek is < 1 or > 50)
        {
            errors["maxTouchesPerContactPerWeek"] = ["must be from 1 to 50."];
        }

        if (document.MaxTouchesPerAccountPerDay is < 1 or > 500)
        {
            errors["maxTouchesPerAccountPerDay"] = ["must be from 1 to 500."];
        }

        foreach (var (field, value) in new[] { ("quietStart", document.QuietStart), ("quietEnd", document.QuietEnd) })
        {
            if (!TimeOnly.TryParseExact(value, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            {
                errors[field] = ["must be a time of day as HH:mm, e.g. 20:00."];
            }
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        await store.SaveAsync(user.WorkspaceId(), document, clock.GetUtcNow().UtcDateTime, cancellationToken);
        audit.Record(user.WorkspaceId(), user, "nurture.guardrails.changed", "workspace", user.WorkspaceId().ToString(), document);
        await database.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(document);
    }
}
