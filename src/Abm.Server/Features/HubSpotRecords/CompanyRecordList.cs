// CA1862 wants string.Equals/Contains with StringComparison, which EF cannot translate; ToLower() becomes SQL lower().
#pragma warning disable CA1862
using Abm.Data;
using Abm.Engines.Accounts;
using Abm.Server.Features.Listing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Features.HubSpotRecords;

internal sealed class CompanyRecordListParameters : RecordListParameters
{
    [FromQuery(Name = "name")] public string? Name { get; set; }
    [FromQuery(Name = "domain")] public string? Domain { get; set; }
    [FromQuery(Name = "industry")] public string? Industry { get; set; }
}

/// <summary>
/// Companies of the local copy: <c>name</c> (part of it, any case), <c>domain</c> (exact, any case, a leading
/// <c>www.</c> ignored), <c>industry</c> (a vertical such as <c>technology</c>, or a HubSpot industry value such as
/// <c>COMPUTER_SOFTWARE</c>, read as its vertical the way the whole product groups industries); newest modification first.
/// </summary>
internal sealed class CompanyRecordList(AbmDbContext database)
{
    public async Task<IResult> ListAsync(CompanyRecordListParameters query, CancellationToken cancellationToken)
    {
        var reader = new QueryReader();
        var name = reader.Text("name", query.Name)?.ToLowerInvariant();
        var domain = reader.Text("domain", query.Domain)?.ToLowerInvariant();
        domain = domain is not null && domain.StartsWith("www.", StringComparison.Ordinal) ? domain[4..] : domain;
        var industry = IndustryVerticals.FromHubSpotIndustry(reader.Text("industry", query.Industry));
        var (limit, offset) = LocalCopyPages.Paging(query, reader);
        if (reader.HasErrors)
        {
            return TypedResults.ValidationProblem(reader.Errors);
        }

        var rows = database.Companies.AsNoTracking().Where(c => c.ArchivedAt == null);
        rows = name is null ? rows : rows.Where(c => c.Name!.ToLower().Contains(name));
        rows = domain is null ? rows : rows.Where(c => c.Domain!.ToLower() == domain || c.Domain!.ToLower() == "www." + domain);
        rows = industry is null ? rows : rows.Where(c => c.Industry == industry);

        var total = await rows.CountAsync(cancellationToken);
        var page = await rows.OrderByDescending(c => c.HubSpotUpdatedAt).ThenBy(c => c.Id).Skip(offset).Take(limit)
            .Select(c => new { c.Id, c.HubSpotId, c.Properties, c.HubSpotCreatedAt, c.HubSpotUpdatedAt, c.SyncedAt })
            .ToListAsync(cancellationToken);
        var items = page.Select(c => new HubSpotRecordResponse(
            c.HubSpotId, c.Id, LocalCopyPages.PropertiesOf(c.Properties), LocalCopyPages.Utc(c.HubSpotCreatedAt), LocalCopyPages.Utc(c.HubSpotUpdatedAt), false,
            new Dictionary<string, IReadOnlyList<string>>(), c.SyncedAt)).ToList();
        return TypedResults.Ok(new RecordListResponse(items, total, limit, offset, LocalCopyPages.Source, await LocalCopyPages.LastSyncAtAsync(database, cancellationToken)));
    }
}
