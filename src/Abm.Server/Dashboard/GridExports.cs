using Abm.Server.Features.Accounts;
using Abm.Server.Features.Contacts;
using Abm.Server.Features.Listing;
using static Abm.Server.Dashboard.CsvDownload;

namespace Abm.Server.Dashboard;

/// <summary>The grids' CSV downloads; each reads the query string of its API route with the route's own parser.</summary>
internal static class GridExports
{
    public static async Task<IResult> AccountsAsync([AsParameters] AccountListParameters parameters, AccountQuery accounts, CancellationToken cancellationToken)
    {
        var reader = new QueryReader();
        var filter = AccountFilter.Read(parameters, reader);
        return reader.HasErrors ? TypedResults.ValidationProblem(reader.Errors) : await WriteAsync(
            "accounts.csv",
            ["id", "hubspot_id", "name", "domain", "tier", "industry", "score", "engagement_band", "velocity", "stakeholder_coverage", "dominant_stage", "contacts", "owner", "owner_hubspot_id"],
            async (offset, limit) => (await accounts.ListAsync(filter with { Offset = offset, Limit = limit }, cancellationToken)).Rows,
            row => [row.Id.ToString(), row.HubSpotId, row.Name, row.Domain, row.Tier, row.Industry, Number(row.Score), row.EngagementBand, Number(row.Velocity),
                Number(row.StakeholderCoverage), row.DominantStage, Number(row.ContactCount), row.Owner?.Name, row.Owner?.HubSpotId],
            cancellationToken);
    }

    public static async Task<IResult> ContactsAsync([AsParameters] ContactListParameters parameters, ContactQuery contacts, CancellationToken cancellationToken)
    {
        var reader = new QueryReader();
        var filter = ContactFilter.Read(parameters, reader);
        return reader.HasErrors ? TypedResults.ValidationProblem(reader.Errors) : await WriteAsync(
            "contacts.csv",
            ["id", "hubspot_id", "first_name", "last_name", "email", "company", "company_id", "score", "engagement_band", "journey_stage", "persona", "segments"],
            async (offset, limit) => (await contacts.ListAsync(filter with { Offset = offset, Limit = limit }, cancellationToken)).Rows,
            row => [row.Id.ToString(), row.HubSpotId, row.FirstName, row.LastName, row.Email, row.Company, row.CompanyId?.ToString(), Number(row.Score),
                row.EngagementBand, row.JourneyStage, row.Persona, string.Join(';', row.Segments)],
            cancellationToken);
    }
}
