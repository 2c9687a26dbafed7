namespace Abm.Server.Features.Imports.Ga4;

/// <summary>One row that was not imported: its file, its line, and why (a bad row's errors, or the unmatched reason).</summary>
internal sealed record Ga4RowReport(string File, int Line, string Outcome, string? Reason, IReadOnlyList<string>? Errors);

/// <summary>
/// What an import did. Every non-blank line is counted once: imported, duplicate (imported before), skipped (an
/// event that is not imported, by name), unmatched (by reason) or rejected (unreadable, or refused by the event
/// checks). <see cref="NotImported"/> lists the unmatched and rejected rows, the first <see cref="MaxListedRows"/>.
/// </summary>
internal sealed record Ga4ImportReport(
    int Files, int Rows, int Imported, int Duplicates, int Skipped, int Unmatched, int Rejected, int ImportedWithoutContentItem,
    IReadOnlyDictionary<string, int> SkippedByEvent, IReadOnlyDictionary<string, int> UnmatchedByReason,
    IReadOnlyList<Ga4RowReport> NotImported, bool NotImportedTruncated)
{
    public const int MaxListedRows = 1000;
}

/// <summary>Where a running import stands, reported after each batch.</summary>
internal sealed record Ga4ImportProgress(string File, int Rows, int Imported, int Duplicates, int Unmatched, int Rejected);
