using System.Globalization;
using Abm.Server.Features.Accounts;
using Abm.Server.Features.Listing;
using CsvHelper;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Abm.Server.Dashboard;

/// <summary>
/// The accounts grid's CSV: every account the grid's filters match (not only the page on screen), in the grid's
/// order, read with the same query string and the same query as <c>GET /api/accounts</c>.
/// </summary>
internal static class AccountExport
{
    private const int PageSize = QueryReader.MaxLimit;

    public static async Task<Results<FileStreamHttpResult, ValidationProblem>> ExportAsync(
        [AsParameters] AccountListParameters parameters, AccountQuery accounts, CancellationToken cancellationToken)
    {
        var reader = new QueryReader();
        var filter = AccountFilter.Read(parameters, reader);
        if (reader.HasErrors)
        {
            return TypedResults.ValidationProblem(reader.Errors);
        }

        var buffer = new MemoryStream();
        await using (var csv = CsvWriter.Create(buffer, new CsvWriterOptions(), leaveOpen: true))
        {
            foreach (var header in Headers)
            {
                csv.WriteField(header);
            }

            await csv.EndRecordAsync(cancellationToken);
            for (var offset = 0; ; offset += PageSize)
            {
                var page = await accounts.ListAsync(filter with { Offset = offset, Limit = PageSize }, cancellationToken);
                foreach (var row in page.Rows)
                {
                    WriteRow(csv, row);
                    await csv.EndRecordAsync(cancellationToken);
                }

                if (page.Rows.Count < PageSize)
                {
                    break;
                }
            }
        }

        buffer.Position = 0;
        return TypedResults.File(buffer, "text/csv", "accounts.csv");
    }

    private static readonly string[] Headers =
        ["id", "hubspot_id", "name", "domain", "tier", "industry", "score", "engagement_band", "velocity", "stakeholder_coverage", "dominant_stage", "contacts", "owner", "owner_hubspot_id"];

    private static void WriteRow(CsvWriter csv, AccountRow row)
    {
        foreach (var field in new[]
                 {
                     row.Id.ToString(), row.HubSpotId, row.Name, row.Domain, row.Tier, row.Industry, Number(row.Score), row.EngagementBand, Number(row.Velocity),
                     Number(row.StakeholderCoverage), row.DominantStage, Number(row.ContactCount), row.Owner?.Name, row.Owner?.HubSpotId,
                 })
        {
            csv.WriteField(field ?? "");
        }
    }

    private static string Number(IFormattable value) => value.ToString(null, CultureInfo.InvariantCulture);
}
