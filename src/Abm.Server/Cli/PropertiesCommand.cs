using System.CommandLine;
using Abm.Server.Configuration;
using Abm.Server.Features.Provisioning;
using Abm.Server.Features.Connections;

namespace Abm.Server.Cli;

/// <summary><c>abm properties provision</c>: creates the abm_* / ai_* properties in the portal of HUBSPOT_API_KEY.</summary>
internal static class PropertiesCommand
{
    public static Command Create() => new("properties", "HubSpot custom properties.")
    {
        Subcommands = { CliVerb.Define("provision", "Create the abm_engine group and every abm_* / ai_* property the portal lacks.", "HUBSPOT_API_KEY=pat-na1-... abm properties provision", ProvisionAsync) },
    };

    private static Task<int> ProvisionAsync(ParseResult parse, CancellationToken cancellationToken) => CliVerb.RunAsync("properties provision", async () =>
    {
        await using var app = CliVerb.BuildApp(parse);
        var clients = app.Services.GetRequiredService<HubSpotClients>();
        var token = clients.Settings.AccessToken
            ?? throw new ConfigurationException("HUBSPOT_API_KEY is not set; it names the portal whose properties are provisioned.");
        using var client = clients.Create(Abm.HubSpot.Auth.HubSpotAuthentication.PrivateApp(token));
        var report = await PropertyProvisioner.ProvisionAsync(client, cancellationToken);
        foreach (var (objectType, result) in new[] { ("contacts", report.Contacts), ("companies", report.Companies) })
        {
            Console.WriteLine($"{objectType}: created {Describe(result.Created)}; already present {Describe(result.AlreadyPresent)}" +
                (result.GroupCreated ? " (group abm_engine created)" : ""));
        }

        return 0;
    });

    private static string Describe(IReadOnlyList<string> names) => names.Count == 0 ? "none" : string.Join(", ", names);
}
