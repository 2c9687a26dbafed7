using System.Net;
using System.Text.Json.Nodes;
using Abm.HubSpot.Sandbox.Hosting;
using Abm.HubSpot.Sandbox.Tests.Infrastructure;

namespace Abm.HubSpot.Sandbox.Tests.Hosting;

public sealed class SandboxHostTests
{
    [Fact]
    public async Task StartAsync_DefaultOptions_ListensOnLoopbackWithCredentials()
    {
        await using var sandbox = await TestSandbox.StartAsync();

        sandbox.Host.BaseUrl.ShouldStartWith("http://127.0.0.1:");
        sandbox.Host.ClientId.ShouldNotBeNullOrWhiteSpace();
        sandbox.Host.ClientSecret.ShouldNotBe(sandbox.Host.ClientId);
        sandbox.Host.AppId.ShouldBeGreaterThan(0);
        sandbox.Portal.AccessToken.ShouldStartWith("pat-na1-");
        var (response, _) = await sandbox.SendAsync(HttpMethod.Get, "/crm/v3/objects/companies");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task StartAsync_SameSeedTwice_SameCredentialsAndData()
    {
        await using var first = await TestSandbox.StartAsync();
        await using var second = await TestSandbox.StartAsync();

        second.Host.ClientSecret.ShouldBe(first.Host.ClientSecret);
        second.Portal.AccessToken.ShouldBe(first.Portal.AccessToken);
        var (_, a) = await first.SendAsync(HttpMethod.Get, "/crm/v3/objects/contacts?limit=100&properties=email,jobtitle");
        var (_, b) = await second.SendAsync(HttpMethod.Get, "/crm/v3/objects/contacts?limit=100&properties=email,jobtitle");
        b!.ToJsonString().ShouldBe(a!.ToJsonString());
    }

    [Fact]
    public async Task StartAsync_SeveralPortals_EachHasItsOwnTokenTierAndData()
    {
        var options = TestSandbox.Options() with
        {
            Portals = [new SandboxPortalOptions { Accounts = 2, Tier = SandboxTier.Starter }, new SandboxPortalOptions { Accounts = 4, Tier = SandboxTier.Enterprise }],
        };
        await using var sandbox = await TestSandbox.StartAsync(options);
        var portals = sandbox.Host.Portals;

        portals.Count.ShouldBe(2);
        portals[0].PortalId.ShouldNotBe(portals[1].PortalId);
        portals[0].Tier.ShouldBe(SandboxTier.Starter);
        var created = await sandbox.CreateContactAsync("only.here@example.com");
        using var other = sandbox.ClientFor(portals[1].AccessToken);
        var (response, _) = await TestSandbox.SendAsync(other, HttpMethod.Get, $"/crm/v3/objects/contacts/{created["id"]}");
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task RunAsync_ValidArguments_PrintsOneJsonStartupLine()
    {
        using var output = new StringWriter();
        using var stop = new CancellationTokenSource();
        var run = SandboxProgram.RunAsync(["--urls", "http://127.0.0.1:0", "--seed", "7", "--accounts", "2", "--tier", "starter"], output, TextWriter.Null, stop.Token);
        for (var i = 0; i < 200 && !output.ToString().Contains('\n', StringComparison.Ordinal); i++)
        {
            await Task.Delay(25);
        }

        await stop.CancelAsync();
        (await run).ShouldBe(0);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(1);
        var line = JsonNode.Parse(lines[0])!;
        line["baseUrl"]!.GetValue<string>().ShouldStartWith("http://127.0.0.1:");
        line["developerApiKey"]!.GetValue<string>().ShouldNotBeNullOrEmpty();
        line["portals"]![0]!["tier"]!.GetValue<string>().ShouldBe("starter");
        line["portals"]![0]!["accessToken"]!.GetValue<string>().ShouldStartWith("pat-na1-");
    }

    [Fact]
    public async Task RunAsync_UnknownOption_ReturnsUsageError()
    {
        using var error = new StringWriter();

        var code = await SandboxProgram.RunAsync(["--colour", "blue"], TextWriter.Null, error, CancellationToken.None);

        code.ShouldBe(2);
        error.ToString().ShouldContain("--colour");
    }

    [Fact]
    public async Task Program_Help_PrintsEveryOptionWithAnExampleAndExits0()
    {
        using var output = new StringWriter();

        var code = await SandboxProgram.RunAsync(["--help"], output, TextWriter.Null, CancellationToken.None);

        code.ShouldBe(0);
        foreach (var option in new[] { "--urls", "--seed", "--accounts", "--portals", "--tier", "--clock-speed", "--search-delay-ms", "--behaviour", "--data-file", "--log", "Example:" })
        {
            output.ToString().ShouldContain(option);
        }
    }

    [Fact]
    public async Task Program_PortTaken_SaysSoInOneLineAndExits2()
    {
        using var taken = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        taken.Start();
        var port = ((System.Net.IPEndPoint)taken.LocalEndpoint).Port;
        using var error = new StringWriter();

        var code = await SandboxProgram.RunAsync(["--urls", $"http://127.0.0.1:{port}", "--accounts", "1", "--behaviour", "off"], TextWriter.Null, error, CancellationToken.None);

        code.ShouldBe(2);
        error.ToString().ShouldContain($"http://127.0.0.1:{port} is already in use");
        error.ToString().Trim().ShouldNotContain('\n');
    }
}
