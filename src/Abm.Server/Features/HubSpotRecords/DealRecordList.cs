// CA1862 wants string.Equals/Contains with StringComparison, which EF cannot translate; ToLower() becomes SQL lower().
#pragma warning disable CA1862
using Abm.Data;
using Abm.Server.Features.Listing;
using Abm.Server.Features.Sync;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Features.HubSpotRecords;

internal sealed class DealRecordListParameters : RecordListParameters
{
    [FromQuery(Name = "name")] public string? Name { get; set; }
    [FromQuery(Name = "stage")] public string? Stage { get; set; }
    [FromQuery(Name = "pipeline")] public string? Pipeline { get; set; }
    [FromQuery(Name = "minAmount")] public string? MinAmount { get; set; }
    [FromQuery(Name = "maxAmount")] public string? MaxAmount { get; set; }
    [FromQuery(Name = "closeAfter")] public string? CloseAfter { get; set; }
    [FromQuery(Name = "closeBefore")] public string? CloseBefore { get; set; }
}

/// <summary>
/// Deals of the local copy: <c>name</c> (part of it, any case), <c>stage</c> and <c>pipeline</c> (HubSpot's ids, exact),
/// an amount range (<c>minAmount</c>, <c>maxAmount</c>, both inclusive) and a close date range (<c>closeAfter</c>
/// inclusive, <c>closeBefore</c> exclusive); newest modification first, with their company and contacts.
/// </summary>
internal sealed class DealRecordList(AbmDbContext database)
{
    public async Task<IResult> ListAsync(DealRecordListParameters query, CancellationToken cancellationToken)
    {
        var reader = new QueryReader();
        var (name, stage, pipeline) = (reader.Text("name", query.Name)?.ToLowerInvariant(), reader.Text("stage", query.Stage), reader.Text("pipeline", query.Pipeline));
        var (minAmount, maxAmount) = reader.Range("minAmount", query.MinAmount, "maxAmount", query.MaxAmount, -1e15, 1e15);
        var (closeAfter, closeBefore) = (reader.Moment("closeAfter", query.CloseAfter), reader.Moment("closeBefore", query.CloseBefore));
        var (limit, offset) = LocalCopyPages.Paging(query, reader);
        if (reader.HasErrors)
        {
            return TypedResults.ValidationProblem(reader.Errors);
        }

        var rows = database.Deals.AsNoTracking().Where(d => d.ArchivedAt == null);
        rows = name is null ? rows : rows.Where(d => d.Name!.ToLower().Contains(name));
        rows = stage is null ? rows : rows.Where(d => d.Stage == stage);
        rows = pipeline is null ? rows : rows.Where(d => d.Pipeline == pipeline);
        rows = minAmount is null ? rows : rows.Where(d => d.Amount >= (decimal)minAmount.Value);
        rows = maxAmount is null ? rows : rows.Where(d => d.Amount <= (decimal)maxAmount.Value);
        rows = closeAfter is null ? rows : rows.Where(d => d.CloseDate >= closeAfter);
        rows = closeBefore is null ? rows : rows.Where(d => d.CloseDate < closeBefore);

        var total = await rows.CountAsync(cancellationToken);
        var page = await rows.OrderByDescending(d => d.HubSpotUpdatedAt).ThenBy(d => d.Id).Skip(offset).Take(limit)
            .Select(d => new
            {
                d.Id, d.HubSpotId, d.Properties, d.HubSpotCreatedAt, d.HubSpotUpdatedAt, d.SyncedAt,
                Company = database.Companies.Where(co => co.Id == d.CompanyId).Select(co => co.HubSpotId).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var dealIds = page.Select(d => d.Id).ToList();
        var contacts = (await database.DealContacts.Where(dc => dealIds.Contains(dc.DealId))
                .Join(database.Contacts, dc => dc.ContactId, c => c.Id, (dc, c) => new { dc.DealId, c.HubSpotId })
                .ToListAsync(cancellationToken))
            .ToLookup(l => l.DealId, l => l.HubSpotId);
        var items = page.Select(d => new HubSpotRecordResponse(
            d.HubSpotId, d.Id, LocalCopyPages.PropertiesOf(d.Properties), LocalCopyPages.Utc(d.HubSpotCreatedAt), LocalCopyPages.Utc(d.HubSpotUpdatedAt), false,
            new Dictionary<string, IReadOnlyList<string>>
            {
                [SyncedObjects.Companies] = LocalCopyPages.One(d.Company),
                [SyncedObjects.Contacts] = [.. contacts[d.Id].Order(StringComparer.Ordinal)],
            },
            d.SyncedAt)).ToList();
        return TypedResults.Ok(new RecordListResponse(items, total, limit, offset, LocalCopyPages.Source, await LocalCopyPages.LastSyncAtAsync(database, cancellationToken)));
    }
}
