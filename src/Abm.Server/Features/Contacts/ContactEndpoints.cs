using Abm.Server.Errors;
using Abm.Server.Features.Listing;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Abm.Server.Features.Contacts;

/// <summary>The contact list with score, stage, persona, segments and company, and look-up by HubSpot id or email.</summary>
internal static class ContactEndpoints
{
    public static IServiceCollection AddContacts(this IServiceCollection services) => services.AddScoped<ContactQuery>();

    public static RouteGroupBuilder MapContactEndpoints(this RouteGroupBuilder group)
    {
        group.WithTags("Contacts");
        group.MapGet("/", ListAsync).WithName("ListContacts")
            .WithSummary("Live contacts with score, stage, persona, segments and company; sorted, filtered and paged (limit 1-1000, default 100).");
        group.MapGet("/lookup", LookupAsync).WithName("LookUpContact")
            .WithSummary("The contact with a HubSpot id (hubspotId) or an email address (email).");
        return group;
    }

    private static async Task<Results<Ok<ContactListResponse>, ValidationProblem>> ListAsync(
        [AsParameters] ContactListParameters parameters, ContactQuery contacts, CancellationToken cancellationToken)
    {
        var reader = new QueryReader();
        var filter = ContactFilter.Read(parameters, reader);
        if (reader.HasErrors)
        {
            return TypedResults.ValidationProblem(reader.Errors);
        }

        var page = await contacts.ListAsync(filter, cancellationToken);
        return TypedResults.Ok(new ContactListResponse(page.Rows, page.Total, filter.Limit, filter.Offset, filter.Segment, filter.SortName, filter.Descending ? "desc" : "asc"));
    }

    private static async Task<Results<Ok<ContactRow>, ValidationProblem, ProblemHttpResult>> LookupAsync(
        string? hubspotId, string? email, ContactQuery contacts, CancellationToken cancellationToken)
    {
        var reader = new QueryReader();
        var (byId, byEmail) = (reader.Text("hubspotId", hubspotId), reader.Text("email", email));
        if (!reader.HasErrors && (byId is null) == (byEmail is null))
        {
            reader.Fail(byId is null ? "hubspotId" : "email", "Give exactly one of hubspotId and email.");
        }

        if (reader.HasErrors)
        {
            return TypedResults.ValidationProblem(reader.Errors);
        }

        return await contacts.FindAsync(byId, byEmail, cancellationToken) is { } row
            ? TypedResults.Ok(row)
            : ApiProblems.NotFound("Contact not found", $"No contact with {(byId is null ? $"email '{byEmail}'" : $"HubSpot id '{byId}'")} in this workspace.");
    }
}
