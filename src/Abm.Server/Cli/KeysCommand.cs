using System.CommandLine;
using Abm.Server.Features.Access;
using Abm.Server.Features.ApiKeys;

namespace Abm.Server.Cli;

/// <summary>
/// <c>abm keys create --name NAME --role ROLE [--workspace ID]</c>: issues a workspace API key and prints it once
/// (only its hash is stored), for a first admin before any key exists or for scripts that provision access.
/// </summary>
internal static class KeysCommand
{
    private static readonly Option<string> Name = new("--name") { Description = "What the key is for, e.g. 'CRM sync'.", Required = true };
    private static readonly Option<string> Role = new("--role") { Description = $"One of {string.Join(", ", Roles.All)}.", Required = true };

    public static Command Create() => new("keys", "Workspace API keys.")
    {
        Subcommands = { CliVerb.Define("create", "Create a workspace API key and print it once.", "abm keys create --name \"CRM sync\" --role marketer", CreateAsync, Name, Role, CliWorkspace.Option) },
    };

    private static Task<int> CreateAsync(ParseResult parse, CancellationToken cancellationToken) => CliVerb.RunAsync("keys create", async () =>
    {
        var name = parse.GetValue(Name)!.Trim();
        var role = parse.GetValue(Role)!.Trim().ToLowerInvariant();
        if (name.Length is 0 or > 200)
        {
            throw new CliInputException("--name must be 1 to 200 characters.");
        }

        if (!Roles.IsKnown(role))
        {
            throw new CliInputException($"--role must be one of {string.Join(", ", Roles.All)}, not '{role}'.");
        }

        await using var workspace = await CliWorkspace.OpenAsync(parse, cancellationToken);
        var created = await workspace.Get<ApiKeyIssuer>().IssueAsync(workspace.Id, name, role, "cli", cancellationToken);
        Console.Error.WriteLine($"created {created.Role} key '{created.Name}' ({created.Prefix}...) in workspace {workspace.Id}; it is shown once, below:");
        Console.WriteLine(created.Key);
        return 0;
    });
}
