// CA1862 wants string.Equals/Contains with StringComparison, which EF cannot translate; ToLower() becomes SQL lower().
#pragma warning disable CA1862
using Abm.Data;
using Abm.Server.Features.Listing;
using Abm.Server.Features.Sync;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Features.HubSpotRecords;

internal sealed class ContactRecordListParameters : RecordListParameters
{
    [FromQuery(Name = "email")] public string? Email { get; set; }
    [FromQuery(Name = "name")] public string? Name { get; set; }
    [FromQuery(Name = "company")] public string? Company { get; set; }
    [FromQuery(Name = "createdAfter")] public string? CreatedAfter { get; set; }
    [FromQuery(Name = "createdBefore")] public string? CreatedBefore { get; set; }
    [FromQuery(Name = "modifiedAfter")] public string? ModifiedAfter { get; set; }
    [FromQuery(Name = "modifiedBefore")] public string? ModifiedBefore { get; set; }
}

/// <summary>
/// Contacts of the local copy: <c>email</c> (exact, any case), <c>name</c> (part of the first or last name),
/// <c>company</c> (the company's HubSpot id, or part of its name), HubSpot creation and modification moments
/// (<c>...After</c> inclusive, <c>...Before</c> exclusive); newest modification first.
/// </summary>
internal sealed class ContactRecordList(AbmDbContext database)
{
    public async Task<IResult> ListAsync(ContactRecordListParameters query, CancellationToken cancellationToken)
    {
        var reader = new QueryReader();
        var (email, name, company) = (reader.Text("email", query.Email)?.ToLowerInvariant(), reader.Text("name", query.Name)?.ToLowerInvariant(), reader.Text("company", query.Company));
        var (createdAfter, createdBefore) = (reader.Moment("createdAfter", query.CreatedAfter), reader.Moment("createdBefore", query.CreatedBefore));
        var (modifiedAfter, modifiedBefore) = (reader.Moment("modifiedAfter", query.ModifiedAfter), reader.Moment("modifiedBefore", query.ModifiedBefore));
        var (limit, offset) = LocalCopyPages.Paging(query, reader);
        if (reader.HasErrors)
        {
            return TypedResults.ValidationProblem(reader.Errors);
        }

        var rows = database.Contacts.AsNoTracking().Where(c => c.ArchivedAt == null);
        rows = email is null ? rows : rows.Where(c => c.Email == email);
        rows = name is null ? rows : rows.Where(c => c.FirstName!.ToLower().Contains(name) || c.LastName!.ToLower().Contains(name) || (c.FirstName + " " + c.LastName).ToLower().Contains(name));
        if (company is not null)
        {
            var companyName = company.ToLowerInvariant();
            var companyIds = database.Companies.Where(co => co.HubSpotId == company || co.Name!.ToLower().Contains(companyName)).Select(co => (Guid?)co.Id);
            rows = rows.Where(c => companyIds.Contains(c.CompanyId));
        }

        rows = createdAfter is null ? rows : rows.Where(c => c.HubSpotCreatedAt >= createdAfter);
        rows = createdBefore is null ? rows : rows.Where(c => c.HubSpotCreatedAt < createdBefore);
        rows = modifiedAfter is null ? rows : rows.Where(c => c.HubSpotUpdatedAt >= modifiedAfter);
        rows = modifiedBefore is null ? rows : rows.Where(c => c.HubSpotUpdatedAt < modifiedBefore);

        var total = await rows.CountAsync(cancellationToken);
        var page = await rows.OrderByDescending(c => c.HubSpotUpdatedAt).ThenBy(c => c.Id).Skip(offset).Take(limit)
            .Select(c => new
            {
                c.Id, c.HubSpotId, c.Properties, c.HubSpotCreatedAt, c.HubSpotUpdatedAt, c.SyncedAt,
                Company = database.Companies.Where(co => co.Id == c.CompanyId).Select(co => co.HubSpotId).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var items = page.Select(c => new HubSpotRecordResponse(
            c.HubSpotId, c.Id, LocalCopyPages.PropertiesOf(c.Properties), LocalCopyPages.Utc(c.HubSpotCreatedAt), LocalCopyPages.Utc(c.HubSpotUpdatedAt), false,
            new Dictionary<string, IReadOnlyList<string>> { [SyncedObjects.Companies] = LocalCopyPages.One(c.Company) }, c.SyncedAt)).ToList();
        return TypedResults.Ok(new RecordListResponse(items, total, limit, offset, LocalCopyPages.Source, await LocalCopyPages.LastSyncAtAsync(database, cancellationToken)));
    }
}
