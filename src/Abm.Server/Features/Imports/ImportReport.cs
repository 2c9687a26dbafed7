namespace Abm.Server.Features.Imports;

internal enum RowOutcome
{
    Created,
    Updated,
    Duplicate,
    Rejected,
}

/// <summary>One line of a CSV file: its 1-based line number (the header is line 1) and what became of it.</summary>
internal sealed record RowResult(int Line, RowOutcome Status, string? Id, IReadOnlyList<string>? Errors);

internal sealed record ImportReport(int Rows, int Created, int Updated, int Duplicates, int Rejected, IReadOnlyList<RowResult> Results)
{
    public static ImportReport From(IReadOnlyList<RowResult> results) => new(
        results.Count,
        results.Count(r => r.Status == RowOutcome.Created),
        results.Count(r => r.Status == RowOutcome.Updated),
        results.Count(r => r.Status == RowOutcome.Duplicate),
        results.Count(r => r.Status == RowOutcome.Rejected),
        results);
}
