using Abm.Server.Errors;
using Abm.Server.Features.Listing;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Abm.Server.Features.Accounts;

/// <summary>The list of target accounts (companies) with their engagement, and look-up by HubSpot id.</summary>
internal static class AccountEndpoints
{
    public static IServiceCollection AddAccounts(this IServiceCollection services) => services.AddScoped<AccountQuery>().AddScoped<AccountProfileQuery>();

    public static RouteGroupBuilder MapAccountEndpoints(this RouteGroupBuilder group)
    {
        group.WithTags("Accounts");
        group.MapGet("/", ListAsync).WithName("ListAccounts")
            .WithSummary("Every target account with tier, industry, engagement score, velocity, stakeholder coverage, dominant stage and owner; sorted, filtered and paged.");
        group.MapGet("/lookup", LookupAsync).WithName("LookUpAccount")
            .WithSummary("The account with a HubSpot company id (hubspotId).");
        group.MapGet("/{id:guid}", GetAsync).WithName("GetAccount")
            .WithSummary("One account in depth: its list row, the stakeholder map by buying role (who holds each role, which an engaged contact covers), twelve weeks of activity and the latest events of its contacts.");
        return group;
    }

    private static async Task<Results<Ok<AccountListResponse>, ValidationProblem>> ListAsync(
        [AsParameters] AccountListParameters parameters, AccountQuery accounts, CancellationToken cancellationToken)
    {
        var reader = new QueryReader();
        var filter = AccountFilter.Read(parameters, reader);
        if (reader.HasErrors)
        {
            return TypedResults.ValidationProblem(reader.Errors);
        }

        var page = await accounts.ListAsync(filter, cancellationToken);
        return TypedResults.Ok(new AccountListResponse(page.Rows, page.Total, filter.Limit, filter.Offset, filter.SortName, filter.Descending ? "desc" : "asc"));
    }

    private static async Task<Results<Ok<AccountProfileResponse>, ProblemHttpResult>> GetAsync(Guid id, AccountProfileQuery profiles, CancellationToken cancellationToken) =>
        await profiles.GetAsync(id, cancellationToken) is { } profile
            ? TypedResults.Ok(profile)
            : ApiProblems.NotFound("Account not found", $"No company {id} in this workspace.");

    private static async Task<Results<Ok<AccountRow>, ValidationProblem, ProblemHttpResult>> LookupAsync(
        string? hubspotId, AccountQuery accounts, CancellationToken cancellationToken)
    {
        var reader = new QueryReader();
        var wanted = reader.Text("hubspotId", hubspotId);
        if (wanted is null && !reader.HasErrors)
        {
            reader.Fail("hubspotId", "hubspotId is required.");
        }

        if (reader.HasErrors)
        {
            return TypedResults.ValidationProblem(reader.Errors);
        }

        return await accounts.FindByHubSpotIdAsync(wanted!, cancellationToken) is { } row
            ? TypedResults.Ok(row)
            : ApiProblems.NotFound("Account not found", $"No company with HubSpot id '{wanted}' in this workspace.");
    }
}
