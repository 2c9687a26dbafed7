using System.CommandLine;
using Abm.Server.Features.Provisioning;

namespace Abm.Server.Cli;

/// <summary><c>abm properties provision</c>: creates the abm_* / ai_* properties in the workspace's portal, audited as "cli".</summary>
internal static class PropertiesCommand
{
    public static Command Create() => new("properties", "HubSpot custom properties.")
    {
        Subcommands =
        {
            CliVerb.Define("provision", "Create the abm_engine group and every abm_* / ai_* property the workspace's portal lacks (HUBSPOT_API_KEY's portal for the default workspace).",
                "HUBSPOT_API_KEY=pat-na1-... abm properties provision", ProvisionAsync, CliWorkspace.Option),
        },
    };

    private static Task<int> ProvisionAsync(ParseResult parse, CancellationToken cancellationToken) => CliVerb.RunAsync("properties provision", async () =>
    {
        await using var workspace = await CliWorkspace.OpenAsync(parse, cancellationToken);
        var client = await workspace.HubSpotClientAsync(cancellationToken);
        var report = await workspace.Get<RequestedProvisioning>().ProvisionAsync(workspace.Id, workspace.Caller, client, cancellationToken);
        foreach (var (objectType, result) in new[] { ("contacts", report.Contacts), ("companies", report.Companies) })
        {
            Console.WriteLine($"{objectType}: created {Describe(result.Created)}; already present {Describe(result.AlreadyPresent)}" +
                (result.GroupCreated ? " (group abm_engine created)" : ""));
        }

        return 0;
    });

    private static string Describe(IReadOnlyList<string> names) => names.Count == 0 ? "none" : string.Join(", ", names);
}
