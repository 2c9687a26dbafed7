namespace Abm.Server.Features.Imports.Ga4;

/// <summary>The running counts of an import, turned into its <see cref="Ga4ImportReport"/> at the end.</summary>
internal sealed class Ga4ImportTally
{
    private readonly Dictionary<string, int> _skipped = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _unmatched = new(StringComparer.Ordinal);
    private readonly List<Ga4RowReport> _notImported = [];
    private bool _truncated;

    public int Files { get; set; }

    public int Rows { get; private set; }

    public int Imported { get; private set; }

    public int Duplicates { get; private set; }

    public int Unmatched { get; private set; }

    public int Rejected { get; private set; }

    public int WithoutContentItem { get; private set; }

    public void Read() => Rows++;

    public void Skip(string eventName) => _skipped[eventName] = _skipped.GetValueOrDefault(eventName) + 1;

    public void Import(bool withContentItem)
    {
        Imported++;
        WithoutContentItem += withContentItem ? 0 : 1;
    }

    public void Duplicate() => Duplicates++;

    public void Unmatch(string file, int line, string reason)
    {
        Unmatched++;
        _unmatched[reason] = _unmatched.GetValueOrDefault(reason) + 1;
        List(new Ga4RowReport(file, line, "Unmatched", reason, null));
    }

    public void Reject(string file, int line, IReadOnlyList<string> errors)
    {
        Rejected++;
        List(new Ga4RowReport(file, line, "Rejected", null, errors));
    }

    public Ga4ImportProgress Progress(string file) => new(file, Rows, Imported, Duplicates, Unmatched, Rejected);

    public Ga4ImportReport Report() => new(
        Files, Rows, Imported, Duplicates, _skipped.Values.Sum(), Unmatched, Rejected, WithoutContentItem,
        new SortedDictionary<string, int>(_skipped, StringComparer.Ordinal), new SortedDictionary<string, int>(_unmatched, StringComparer.Ordinal),
        _notImported, _truncated);

    private void List(Ga4RowReport row)
    {
        if (_notImported.Count < Ga4ImportReport.MaxListedRows)
        {
            _notImported.Add(row);
        }
        else
        {
            _truncated = true;
        }
    }
}
