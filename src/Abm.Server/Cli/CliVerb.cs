using System.CommandLine;

namespace Abm.Server.Cli;

/// <summary>A verb's input that cannot be acted on (an unknown contact, a bad role): reported in one line, exit code 2.</summary>
internal sealed class CliInputException(string message) : Exception(message);

/// <summary>
/// Runs a verb's work: failures an operator can fix (settings, the database, HubSpot refusing, bad input)
/// become one line naming the verb and exit code 2 instead of a stack trace.
/// </summary>
internal static class CliVerb
{
    /// <summary>
    /// The app a verb works with. Its logs go to standard error and only from warnings up, so what the verb prints
    /// on standard output (a key, a table) can be piped; <c>--Logging:LogLevel:Default=Information</c> still wins.
    /// </summary>
    public static WebApplication BuildApp(ParseResult parse) =>
        AbmApp.Build(["--Logging:LogLevel:Default=Warning", "--Logging:Console:LogToStandardErrorThreshold=Trace", .. parse.UnmatchedTokens]);

    /// <summary>
    /// A verb with its options and arguments, and an example its help shows. Tokens it does not know are left to
    /// <see cref="UnmatchedTokens"/>, which passes host settings (<c>--urls</c>) through and refuses misspellings.
    /// </summary>
    public static Command Define(
        string name, string description, string example, Func<ParseResult, CancellationToken, Task<int>> action, params Symbol[] inputs)
    {
        var command = new Command(name, WithExample(description, example)) { TreatUnmatchedTokensAsErrors = false };
        foreach (var input in inputs)
        {
            switch (input)
            {
                case Option option:
                    command.Options.Add(option);
                    break;
                case Argument argument:
                    command.Arguments.Add(argument);
                    break;
            }
        }

        command.SetAction(action);
        return command;
    }

    /// <summary>The app of <see cref="BuildApp"/> with its database migrated and the default workspace ensured, as the server does at start, without serving.</summary>
    public static async Task<WebApplication> BuildStartedAppAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var app = BuildApp(parse);
        try
        {
            await app.Services.GetServices<IHostedService>().OfType<Database.DatabaseStartup>().Single().StartingAsync(cancellationToken);
            return app;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    public static string WithExample(string description, string example) => $"{description}\n\nExample:\n  {example}";

    public static async Task<int> RunAsync(string verb, Func<Task<int>> work)
    {
        try
        {
            return await work();
        }
        catch (CliInputException error)
        {
            await Console.Error.WriteLineAsync($"abm {verb}: {error.Message}");
            return StartupFailure.ExitCode;
        }
        catch (Exception error) when (StartupFailure.Describe(error) is { } message)
        {
            await Console.Error.WriteLineAsync($"abm {verb}: {message}");
            return StartupFailure.ExitCode;
        }
    }
}
