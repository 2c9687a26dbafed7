using System.Security.Claims;
using Abm.Server.Errors;
using Abm.Server.Features.Access;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Abm.Server.Features.Privacy;

/// <summary><c>POST /api/contacts/{id}/erase</c> (admins): a contact's data erased from the local copy on request.</summary>
internal static class PrivacyEndpoints
{
    public static IServiceCollection AddPrivacy(this IServiceCollection services) =>
        services.AddScoped<ErasedContacts>().AddScoped<ContactErasure>();

    public static RouteGroupBuilder MapPrivacyEndpoints(this RouteGroupBuilder contacts)
    {
        contacts.MapPost("/{id:guid}/erase", EraseAsync).WithName("EraseContact").WithTags("Privacy").RequireAuthorization(AccessPolicies.Admin)
            .WithSummary("Erases the contact and everything held about it from the local copy; leaves a tombstone so sync and webhooks do not bring it back.");
        return contacts;
    }

    private static async Task<Results<Ok<ErasureReport>, ProblemHttpResult>> EraseAsync(Guid id, ClaimsPrincipal user, ContactErasure erasure, CancellationToken cancellationToken) =>
        await erasure.EraseAsync(id, user, cancellationToken) is { } report
            ? TypedResults.Ok(report)
            : ApiProblems.NotFound("Contact not found", $"No contact {id} in this workspace, and none erased with that id.");
}
