using System.Net.Sockets;

namespace Abm.HubSpot.Sandbox.Hosting;

/// <summary>The executable: start a sandbox from the arguments, print the startup line, run until stopped.</summary>
internal static class SandboxProgram
{
    public const string Usage = """
        abm-hubspot-sandbox: a local HubSpot API emulator with a seeded B2B portal and simulated buyers.

        Usage: abm-hubspot-sandbox [options]

          --urls URL              where to listen (default http://127.0.0.1:5099; port 0 picks a free one)
          --seed N                the synthetic portal's seed (default 42); the same seed gives the same portal
          --accounts N            target accounts per portal (default 100)
          --portals N             how many portals (default 1)
          --tier NAME             free, starter, professional (default) or enterprise: sizes the rate limits
          --clock-speed X         simulated seconds per real second (default 1)
          --search-delay-ms N     how late search sees a change (default 0)
          --behaviour on|off      simulated buyers act over simulated time (default on)
          --data-file PATH        keep the portal in a SQLite file and resume from it on restart
          --start-days-ago N      seed the portal N days ago and let its buyers live those days before the
                                  startup line (a restored portal lives the time it was stopped); the clock
                                  then never runs ahead of real time
          --catch-up-hours H      live the last H hours of that history after the start, at --clock-speed,
                                  so a receiver attached at start sees buyers act until the clock catches up
          --never-ahead           keep the clock from running ahead of real time (on with --start-days-ago)
          --log                   log every request
          --help                  this text

        On start it prints one JSON line: the base URL, portal ids, tokens and keys to connect with.

        Example: abm-hubspot-sandbox --urls http://127.0.0.1:5099 --accounts 20 --clock-speed 60
        """;

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (args.Any(a => a is "--help" or "-h" or "-?"))
        {
            await output.WriteLineAsync(Usage);
            return 0;
        }

        SandboxOptions options;
        try
        {
            options = SandboxCommandLine.Parse(args);
        }
        catch (Exception exception) when (exception is ArgumentException or FormatException or OverflowException)
        {
            await error.WriteLineAsync($"abm-hubspot-sandbox: {exception.Message} Run with --help for the options.");
            return 2;
        }

        SandboxHost host;
        try
        {
            host = await SandboxHost.StartAsync(options, cancellationToken);
        }
        catch (IOException exception) when (IsAddressInUse(exception))
        {
            await error.WriteLineAsync($"abm-hubspot-sandbox: {options.Url} is already in use; stop what listens there or choose another address with --urls.");
            return 2;
        }

        await using (host)
        {
            await output.WriteLineAsync(StartupLine.Of(host));
            await output.FlushAsync(cancellationToken);
            await host.WaitForShutdownAsync(cancellationToken);
            return 0;
        }
    }

    private static bool IsAddressInUse(Exception exception) =>
        exception.GetType().Name == "AddressInUseException"
        || exception is SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse }
        || (exception.InnerException is { } inner && IsAddressInUse(inner));
}
