using System.Globalization;
using Abm.HubSpot.Sandbox.Hosting;
using Xunit.Abstractions;

namespace Abm.HubSpot.Sandbox.Tests.NodeClient;

public sealed class NodeClientFidelityTests(ITestOutputHelper output)
{
    /// <summary>
    /// HubSpot's own client must work against the sandbox unchanged: create and batch-create, getAll paging,
    /// batch read, search, properties, associations, a 429 its retry gets through, OAuth exchange and refresh,
    /// and a webhook signature it accepts. The clock runs in real time because the client waits in real time
    /// and checks webhook timestamps against its own clock.
    /// </summary>
    [NodeClientFact]
    public async Task OfficialNodeClient_FullScenario_EveryCheckPasses()
    {
        await using var sandbox = await SandboxHost.StartAsync(new SandboxOptions { Portals = [new SandboxPortalOptions { Accounts = 20 }] });
        var portal = sandbox.Portals[0];
        var environment = new Dictionary<string, string>
        {
            ["SANDBOX_BASE_URL"] = sandbox.BaseUrl,
            ["SANDBOX_TOKEN"] = portal.AccessToken,
            ["SANDBOX_PORTAL_ID"] = portal.PortalId.ToString(CultureInfo.InvariantCulture),
            ["SANDBOX_CLIENT_ID"] = sandbox.ClientId,
            ["SANDBOX_CLIENT_SECRET"] = sandbox.ClientSecret,
            ["SANDBOX_APP_ID"] = sandbox.AppId.ToString(CultureInfo.InvariantCulture),
            ["SANDBOX_DEVELOPER_API_KEY"] = sandbox.DeveloperApiKey,
        };

        var (exitCode, report) = await NodeClientScript.RunAsync(environment, TimeSpan.FromSeconds(90));
        output.WriteLine(report);

        exitCode.ShouldBe(0, report);
        report.ShouldNotContain("\"ok\":false");
    }
}
