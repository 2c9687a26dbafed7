using System.CommandLine;
using Abm.Data.Migrator;
using Abm.Server.Configuration;
using Microsoft.Extensions.Options;

namespace Abm.Server.Cli;

internal static class ServeCommand
{
    public static async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        string[] args = [.. parse.UnmatchedTokens];
        if (Features.Demo.DemoMode.IsDefault(Features.Demo.DemoMode.ReadConfiguration(args)))
        {
            return await DemoCommand.RunAsync(args, reset: false, cancellationToken);
        }

        try
        {
            var app = AbmApp.Build(args);
            await app.RunAsync();
            return 0;
        }
        catch (Exception error) when (StartupFailure.Describe(error) is { } message)
        {
            await Console.Error.WriteLineAsync($"abm: cannot start: {message}");
            return StartupFailure.ExitCode;
        }
    }
}

/// <summary>Turns the failures an operator can fix (settings, schema) into one clear line instead of a stack trace.</summary>
internal static class StartupFailure
{
    public const int ExitCode = 2;

    public static string? Describe(Exception error) => error switch
    {
        ConfigurationException e => e.Message,
        OptionsValidationException e => string.Join(" ", e.Failures),
        MigrationException e => e.Message,
        Abm.HubSpot.HubSpotAuthenticationException e => e.Message,
        Abm.HubSpot.HubSpotApiException e => $"HubSpot answered {(int?)e.StatusCode} {e.Category}: {e.HubSpotMessage}",
        Npgsql.NpgsqlException e => OneLine($"the PostgreSQL database of DATABASE_URL (or ConnectionStrings:Abm) cannot be used: {e.Message}{Cause(e)}"),
        Microsoft.Data.Sqlite.SqliteException e => OneLine($"the SQLite database of DATABASE_URL (or ConnectionStrings:Abm) cannot be used: {e.Message}"),
        AggregateException { InnerExceptions: [var inner] } => Describe(inner),
        _ => null,
    };

    private static string Cause(Exception error) => error.InnerException is { } inner ? $" ({inner.Message})" : "";

    private static string OneLine(string message) => string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
