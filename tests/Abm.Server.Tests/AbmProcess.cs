using System.Diagnostics;

namespace Abm.Server.Tests;

/// <summary>Runs the real <c>abm</c> executable, as an operator would, in a scratch working directory.</summary>
internal static class AbmProcess
{
    public sealed record Outcome(int ExitCode, string Output, string Error);

    private static readonly string[] InheritedSettings =
        ["DATABASE_URL", "API_SECRET_KEY", "API_RATE_LIMIT_PER_MINUTE", "ConnectionStrings__Abm", "Database__Provider", "HUBSPOT_PORTAL_ID", "HUBSPOT_API_KEY", "HUBSPOT_BASE_URL", "HUBSPOT_TIER"];

    public static async Task<Outcome> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        using var process = Start(workingDirectory, environment, args);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"abm {string.Join(' ', args)} did not exit within 60 s; it probably started serving. Output: {await output}");
        }

        return new Outcome(process.ExitCode, await output, await error);
    }

    /// <summary>Starts the executable with redirected output and leaves it to the caller (to read as it runs, or to kill).</summary>
    public static Process Start(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            // Never a terminal: a verb that would prompt (abm users add without --password) takes its scripted path.
            RedirectStandardInput = true,
        };
        start.ArgumentList.Add(typeof(Program).Assembly.Location);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var name in InheritedSettings)
        {
            start.Environment.Remove(name);
        }

        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        // These runs check the product's own verbs and settings; the demo (the default without a HubSpot
        // connection) is asked for by the tests that mean it.
        start.Environment["Demo__Enabled"] = "false";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return Process.Start(start)!;
    }

    /// <summary>The URL form operators paste from their hosting provider (postgres://user:pass@host:port/db).</summary>
    public static string DatabaseUrl(Abm.Data.DatabaseTarget target)
    {
        if (target.Provider == Abm.Data.DatabaseProvider.Sqlite)
        {
            return "sqlite://" + new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(target.ConnectionString).DataSource;
        }

        var builder = new Npgsql.NpgsqlConnectionStringBuilder(target.ConnectionString);
        var password = string.IsNullOrEmpty(builder.Password) ? "" : ":" + Uri.EscapeDataString(builder.Password);
        return $"postgres://{Uri.EscapeDataString(builder.Username!)}{password}@{builder.Host}:{builder.Port}/{builder.Database}";
    }
}
