using System.CommandLine;
using Abm.Server.Dashboard;
using Abm.Server.Features.Accounts;
using Abm.Server.Features.Contacts;

namespace Abm.Server.Cli;

/// <summary>
/// <c>abm export contacts|accounts [--out FILE] [--workspace ID]</c>: every contact or account as CSV, the same columns
/// and order as the dashboard grid's download, to a file or to standard output.
/// </summary>
internal static class ExportCommand
{
    private static readonly Option<FileInfo?> Out = new("--out") { Description = "The file to write (replaced if it exists); standard output when left out." };

    public static Command Create() => new("export", "Export the workspace's contacts or accounts as CSV.")
    {
        Subcommands =
        {
            CliVerb.Define("contacts", "Every contact with score, stage, persona, segments and company.", "abm export contacts --out contacts.csv",
                (parse, ct) => ExportAsync(parse, "export contacts", (workspace, output) => GridExports.WriteContactsAsync(output, workspace.Get<ContactQuery>(), ct), ct),
                Out, CliWorkspace.Option),
            CliVerb.Define("accounts", "Every target account with tier, industry, score, velocity, coverage, stage and owner.", "abm export accounts > accounts.csv",
                (parse, ct) => ExportAsync(parse, "export accounts", (workspace, output) => GridExports.WriteAccountsAsync(output, workspace.Get<AccountQuery>(), ct), ct),
                Out, CliWorkspace.Option),
        },
    };

    private static Task<int> ExportAsync(ParseResult parse, string verb, Func<CliWorkspace, Stream, Task> write, CancellationToken cancellationToken) =>
        CliVerb.RunAsync(verb, async () =>
        {
            var file = parse.GetValue(Out);
            if (file?.Directory is { Exists: false } folder)
            {
                throw new CliInputException($"the folder {folder.FullName} does not exist.");
            }

            await using var workspace = await CliWorkspace.OpenAsync(parse, cancellationToken);
            // Written whole to a temporary file first, so a failed export never leaves half a file under the name asked for.
            var partial = file is null ? null : new FileInfo(file.FullName + ".partial");
            await using (var output = partial is null ? Console.OpenStandardOutput() : partial.Create())
            {
                await write(workspace, output);
            }

            if (partial is not null)
            {
                partial.MoveTo(file!.FullName, overwrite: true);
                await Console.Error.WriteLineAsync($"wrote {file.FullName}");
            }

            return 0;
        });
}
