using System.CommandLine;
using Abm.Server.Features.Imports;
using Abm.Server.Features.Leads;

namespace Abm.Server.Cli;

/// <summary>
/// <c>abm import content|events|icp FILE [--workspace ID]</c> (and <c>abm import ga4 PATH</c>, <see cref="Ga4ImportCommand"/>): the same CSV imports as the API's, read from a file. The
/// counts go to standard output and every rejected line, with its reasons, to standard error; the exit code is 1
/// when any line was rejected (the others are imported all the same), so scripts notice.
/// </summary>
internal static class ImportCommand
{
    private static readonly Argument<FileInfo> File = new("file") { Description = "The CSV file (UTF-8, header line first; docs/api.md lists the columns)." };

    public static Command Create() => new("import", "Import a CSV file (or a GA4 export) into the workspace.")
    {
        Subcommands =
        {
            CliVerb.Define("content", "Import content items (created, or updated by external id).", "abm import content library.csv", ImportContentAsync, File, CliWorkspace.Option),
            CliVerb.Define("events", "Import engagement events (duplicates by external id are skipped).", "abm import events webinar-attendance.csv", ImportEventsAsync, File, CliWorkspace.Option),
            Ga4ImportCommand.Create(),
            CliVerb.Define("icp", "Import ideal-client profile criteria sets (created, or updated by name); leads are scored against them.", "abm import icp ideal-clients.csv", ImportIcpAsync, File, CliWorkspace.Option),
        },
    };

    private static Task<int> ImportContentAsync(ParseResult parse, CancellationToken cancellationToken) =>
        ImportAsync(parse, "import content", (workspace, csv) => workspace.Get<ContentImport>().ImportAsync(csv, workspace.Caller, cancellationToken), cancellationToken);

    private static Task<int> ImportEventsAsync(ParseResult parse, CancellationToken cancellationToken) =>
        ImportAsync(parse, "import events", (workspace, csv) => workspace.Get<EventImport>().ImportAsync(csv, workspace.Caller, cancellationToken), cancellationToken);

    private static Task<int> ImportIcpAsync(ParseResult parse, CancellationToken cancellationToken) =>
        ImportAsync(parse, "import icp", (workspace, csv) => workspace.Get<IcpImport>().ImportAsync(csv, workspace.Caller, cancellationToken), cancellationToken);

    private static Task<int> ImportAsync(ParseResult parse, string verb, Func<CliWorkspace, Stream, Task<ImportReport>> import, CancellationToken cancellationToken) =>
        CliVerb.RunAsync(verb, async () =>
        {
            var file = parse.GetValue(File)!;
            if (!file.Exists)
            {
                throw new CliInputException($"{file.FullName} does not exist.");
            }

            await using var workspace = await CliWorkspace.OpenAsync(parse, cancellationToken);
            await using var csv = file.OpenRead();
            var report = await import(workspace, csv);
            foreach (var rejected in report.Results.Where(r => r.Status == RowOutcome.Rejected))
            {
                await Console.Error.WriteLineAsync($"line {rejected.Line}: {string.Join("; ", rejected.Errors ?? [])}");
            }

            Console.WriteLine($"{report.Rows} rows: {report.Created} created, {report.Updated} updated, {report.Duplicates} duplicates, {report.Rejected} rejected");
            return report.Rejected == 0 ? 0 : 1;
        });
}
