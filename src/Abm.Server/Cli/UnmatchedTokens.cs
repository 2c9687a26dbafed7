using System.CommandLine;

namespace Abm.Server.Cli;

/// <summary>
/// Tokens no verb knows pass through as host configuration (<c>--urls http://...</c>, <c>--Logging:LogLevel:Default=Debug</c>).
/// A bare word, or an option spelled close to one the verb has, is a mistake instead: <c>abm bogusverb</c> must not
/// start the server and <c>abm sync --ful</c> must not run an incremental sync.
/// </summary>
internal static class UnmatchedTokens
{
    /// <summary>What is wrong with the command line, in one line with a suggestion, or null when nothing is.</summary>
    public static string? Problem(ParseResult parse)
    {
        var command = parse.CommandResult.Command;
        var tokens = parse.UnmatchedTokens;
        var options = command.Options.Select(o => o.Name.TrimStart('-')).Where(o => o is not ("help" or "version" or "?" or "h")).ToList();
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (!token.StartsWith('-'))
            {
                return $"unknown verb or argument '{token}'{Suggest(token, command.Subcommands.Select(c => c.Name))}. Run 'abm {Path(command)}--help' for usage.";
            }

            var name = token.TrimStart('-').Split('=', 2)[0];
            if (options.FirstOrDefault(o => IsNear(name, o)) is { } meant)
            {
                return $"unknown option '{token}'; did you mean '--{meant}'? Run 'abm {Path(command)}--help' for usage.";
            }

            // '--key value': the value belongs to the configuration key before it.
            if (!token.Contains('=', StringComparison.Ordinal) && i + 1 < tokens.Count && !tokens[i + 1].StartsWith('-'))
            {
                i++;
            }
        }

        return null;
    }

    /// <summary>The verb as typed after <c>abm</c>, with a trailing space ("" at the root, "keys create " for a sub-verb).</summary>
    internal static string Path(Command command) => command is RootCommand
        ? ""
        : $"{Path(command.Parents.OfType<Command>().FirstOrDefault() ?? new RootCommand())}{command.Name} ";

    private static string Suggest(string word, IEnumerable<string> candidates) =>
        candidates.Where(c => Distance(word.ToLowerInvariant(), c) <= 2).OrderBy(c => Distance(word.ToLowerInvariant(), c)).FirstOrDefault() is { } near
            ? $"; did you mean '{near}'?"
            : $"; verbs: {string.Join(", ", candidates)}";

    /// <summary>A misspelling or a shortening of an option (not a configuration key, which has ':' or '__' or is far from every option).</summary>
    private static bool IsNear(string name, string option)
    {
        var lower = name.ToLowerInvariant();
        return lower != option && !lower.Contains(':', StringComparison.Ordinal) && !lower.Contains("__", StringComparison.Ordinal)
            && ((lower.Length >= 3 && option.StartsWith(lower, StringComparison.Ordinal)) || Distance(lower, option) <= Math.Min(2, option.Length / 3));
    }

    /// <summary>Levenshtein distance.</summary>
    internal static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            previous = current;
        }

        return previous[b.Length];
    }
}
