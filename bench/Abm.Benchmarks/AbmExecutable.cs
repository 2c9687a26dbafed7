using System.Diagnostics;

namespace Abm.Benchmarks;

/// <summary>The real <c>abm</c> executable started as an operator would, with the given settings and no demo.</summary>
internal static class AbmExecutable
{
    public static Process Start(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        start.ArgumentList.Add(typeof(Abm.Server.AbmApp).Assembly.Location);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["Demo__Enabled"] = "false";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return Process.Start(start)!;
    }

    /// <summary>Runs a verb to its end; a failure is an exception carrying what it printed.</summary>
    public static async Task RunToEndAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        using var process = Start(environment, args);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"abm {string.Join(' ', args)} exited {process.ExitCode}: {await output}{await error}");
        }
    }
}
