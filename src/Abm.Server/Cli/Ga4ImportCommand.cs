using System.CommandLine;
using System.Globalization;
using Abm.Server.Features.Imports.Ga4;

namespace Abm.Server.Cli;

/// <summary>
/// <c>abm import ga4 PATH [--workspace ID]</c>: a GA4 BigQuery export (a newline-delimited JSON file, or a folder of
/// them) as engagement events. A progress line per thousand rows goes to standard error, the counts to standard
/// output; the exit code is 1 when any row was rejected (the others are imported all the same).
/// </summary>
internal static class Ga4ImportCommand
{
    private static readonly Argument<string> Path = new("path") { Description = "A .json/.jsonl/.ndjson file (optionally .gz) or a folder of them." };

    public static Command Create() => CliVerb.Define(
        "ga4", "Import GA4 export events (page views, scrolls, downloads, forms), matched to contacts and content items; re-importing adds nothing.",
        "abm import ga4 ./ga4-export/", ImportAsync, Path, CliWorkspace.Option);

    private static Task<int> ImportAsync(ParseResult parse, CancellationToken cancellationToken) =>
        CliVerb.RunAsync("import ga4", async () =>
        {
            var path = parse.GetValue(Path)!;
            IReadOnlyList<Ga4Source> sources;
            try
            {
                sources = Ga4Source.FromPath(path);
            }
            catch (FileNotFoundException error)
            {
                throw new CliInputException(error.Message);
            }

            if (sources.Count == 0)
            {
                throw new CliInputException($"{path} holds no {string.Join(", ", Ga4Source.Extensions)} files.");
            }

            await using var workspace = await CliWorkspace.OpenAsync(parse, cancellationToken);
            var progress = new SynchronousProgress(p => Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{p.File}: {p.Rows:N0} rows read, {p.Imported:N0} imported, {p.Duplicates:N0} duplicates, {p.Unmatched:N0} unmatched, {p.Rejected:N0} rejected")));
            var report = await workspace.Get<Ga4Import>().ImportAsync(sources, workspace.Id, progress, cancellationToken);
            foreach (var row in report.NotImported.Where(r => r.Outcome == "Rejected"))
            {
                await Console.Error.WriteLineAsync($"{row.File} line {row.Line}: {string.Join("; ", row.Errors ?? [])}");
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{report.Files} files, {report.Rows} rows: {report.Imported} imported ({report.ImportedWithoutContentItem} without a content item), {report.Duplicates} duplicates, {report.Skipped} skipped, {report.Unmatched} unmatched, {report.Rejected} rejected"));
            foreach (var (reason, count) in report.UnmatchedByReason)
            {
                Console.WriteLine($"  unmatched {reason}: {count}");
            }

            foreach (var (eventName, count) in report.SkippedByEvent)
            {
                Console.WriteLine($"  skipped {eventName}: {count}");
            }

            return report.Rejected == 0 ? 0 : 1;
        });

    /// <summary>Reports on the importing thread, in order (Progress&lt;T&gt; would post to the thread pool and could print after the totals).</summary>
    private sealed class SynchronousProgress(Action<Ga4ImportProgress> report) : IProgress<Ga4ImportProgress>
    {
        public void Report(Ga4ImportProgress value) => report(value);
    }
}
