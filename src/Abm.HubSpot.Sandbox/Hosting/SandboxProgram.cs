namespace Abm.HubSpot.Sandbox.Hosting;

/// <summary>The executable: start a sandbox from the arguments, print the startup line, run until stopped.</summary>
internal static class SandboxProgram
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        SandboxOptions options;
        try
        {
            options = SandboxCommandLine.Parse(args);
        }
        catch (Exception exception) when (exception is ArgumentException or FormatException or OverflowException)
        {
            await error.WriteLineAsync($"abm-hubspot-sandbox: {exception.Message}");
            return 2;
        }

        await using var host = await SandboxHost.StartAsync(options, cancellationToken);
        await output.WriteLineAsync(StartupLine.Of(host));
        await output.FlushAsync(cancellationToken);
        await host.WaitForShutdownAsync(cancellationToken);
        return 0;
    }
}
