using System.Security.Claims;
using Abm.Data;
using Abm.Server.Errors;
using Abm.Server.Features.Access;
using Abm.Server.Features.Audit;
using Abm.Server.Features.Imports;

namespace Abm.Server.Features.Leads;

/// <summary>
/// Imports ideal-client criteria sets from CSV, one per line. Columns: name, industry, company_size,
/// revenue_range, geographic_location, technology_stack, budget_range (lists separated by ';' or '|', ranges such
/// as 200-5000, $10M-$1B or 1000+). A line with a name replaces the set of that name; each bad line is reported
/// and skipped, the rest is saved.
/// </summary>
internal sealed class IcpImport(AbmDbContext database, IcpStore store, AuditTrail audit)
{
    public static readonly IReadOnlyList<string> CriteriaColumns = ["industry", "company_size", "revenue_range", "geographic_location", "technology_stack", "budget_range"];

    public async Task<ImportReport> ImportAsync(Stream csv, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var workspaceId = user.WorkspaceId();
        var existing = await store.ProfileRowsAsync(cancellationToken);
        var results = new List<RowResult>();
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        await foreach (var row in CsvRows.ReadAsync(csv, cancellationToken))
        {
            var (set, errors) = Parse(row);
            if (seen.TryGetValue(set.Name!, out var firstLine))
            {
                errors.Add($"name '{set.Name}' already appears on line {firstLine}.");
            }

            if (errors.Count > 0)
            {
                results.Add(new RowResult(row.Line, RowOutcome.Rejected, null, errors));
                continue;
            }

            seen[set.Name!] = row.Line;
            var created = store.Upsert(workspaceId, existing, set);
            var id = existing.First(e => string.Equals(e.Name, set.Name, StringComparison.OrdinalIgnoreCase)).Id;
            results.Add(new RowResult(row.Line, created ? RowOutcome.Created : RowOutcome.Updated, id.ToString(), null));
        }

        await store.EmbedMissingAsync(existing, cancellationToken);
        var report = ImportReport.From(results);
        audit.Record(workspaceId, user, "icp.imported", "icp_profile", null, new { report.Created, report.Updated, report.Rejected });
        await database.SaveChangesAsync(cancellationToken);
        return report;
    }

    private static (IcpCriteriaSet Set, List<string> Errors) Parse(ImportRow row)
    {
        var errors = new List<string>();
        if (CriteriaColumns.All(c => row.Get(c) is null))
        {
            errors.Add($"no criterion on this line: expected at least one of the columns {string.Join(", ", CriteriaColumns)}.");
        }

        var (employeesMin, employeesMax) = Range(row, "company_size", errors);
        var (revenueMin, revenueMax) = Range(row, "revenue_range", errors);
        var (budgetMin, budgetMax) = Range(row, "budget_range", errors);
        var set = new IcpCriteriaSet(row.Get("name") ?? $"line {row.Line}", row.GetList("industry"), employeesMin, employeesMax, revenueMin, revenueMax,
            row.GetList("geographic_location"), row.GetList("technology_stack"), budgetMin, budgetMax);
        if (errors.Count == 0)
        {
            errors.AddRange(RequestValidationFilter.Validate(set).Select(r => r.ErrorMessage ?? "Invalid value."));
        }

        return (set, errors);
    }

    private static (decimal? Min, decimal? Max) Range(ImportRow row, string column, List<string> errors)
    {
        if (row.Get(column) is not { } text)
        {
            return (null, null);
        }

        if (IcpRangeText.TryParse(text, out var min, out var max))
        {
            return (min, max);
        }

        errors.Add($"{column} '{text}' is not a range such as 200-5000, $10M-$1B, 1000+ or <50.");
        return (null, null);
    }
}
