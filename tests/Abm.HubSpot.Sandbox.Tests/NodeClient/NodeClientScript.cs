using System.Diagnostics;

namespace Abm.HubSpot.Sandbox.Tests.NodeClient;

/// <summary>Finds and runs the Node fidelity script with the sandbox's coordinates in its environment.</summary>
internal static class NodeClientScript
{
    /// <summary>The NodeClient folder of the test project, found by walking up from the test binaries.</summary>
    public static string? Directory { get; } = FindDirectory();

    public static string? NodeExecutable { get; } = (Environment.GetEnvironmentVariable("PATH") ?? "")
        .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Select(dir => Path.Combine(dir, "node"))
        .FirstOrDefault(File.Exists);

    public static async Task<(int ExitCode, string Output)> RunAsync(IReadOnlyDictionary<string, string> environment, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(NodeExecutable!, "fidelity.cjs")
        {
            WorkingDirectory = Directory!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The Node fidelity script did not finish within {timeout}.");
        }

        return (process.ExitCode, await output + await error);
    }

    private static string? FindDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "NodeClient");
            if (File.Exists(Path.Combine(candidate, "fidelity.cjs")))
            {
                return candidate;
            }
        }

        return null;
    }
}
