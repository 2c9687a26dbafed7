using System.Globalization;

namespace Abm.HubSpot.Sandbox.Hosting;

/// <summary>
/// Turns the executable's arguments (<c>--urls --seed --accounts --tier --portals --clock-speed
/// --search-delay-ms --behaviour on|off --data-file --start-days-ago --catch-up-hours --never-ahead --log</c>) into <see cref="SandboxOptions"/>; unknown arguments are an error.
/// </summary>
internal static class SandboxCommandLine
{
    public static SandboxOptions Parse(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (!name.StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"Unexpected argument '{name}'.");
            }

            var equals = name.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                values[name[2..equals]] = name[(equals + 1)..];
            }
            else if (name is "--log" or "--never-ahead")
            {
                values[name[2..]] = "true";
            }
            else if (i + 1 < args.Count)
            {
                values[name[2..]] = args[++i];
            }
            else
            {
                throw new ArgumentException($"Missing value for '{name}'.");
            }
        }

        var unknown = values.Keys.Except(["urls", "seed", "accounts", "tier", "portals", "clock-speed", "search-delay-ms", "behaviour", "data-file", "start-days-ago", "catch-up-hours", "never-ahead", "log"]).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"Unknown option(s): {string.Join(", ", unknown.Select(u => "--" + u))}.");
        }

        var seed = Int(values, "seed", 42);
        var portal = new SandboxPortalOptions
        {
            Accounts = Int(values, "accounts", 100),
            Tier = values.TryGetValue("tier", out var tier) ? Enum.Parse<SandboxTier>(tier, ignoreCase: true) : SandboxTier.Professional,
        };
        return new SandboxOptions
        {
            Url = values.GetValueOrDefault("urls", "http://127.0.0.1:5099").Split(';')[0],
            Seed = seed,
            Portals = Enumerable.Range(0, Int(values, "portals", 1)).Select(_ => portal).ToList(),
            ClockSpeed = values.TryGetValue("clock-speed", out var speed) ? double.Parse(speed, CultureInfo.InvariantCulture) : 1,
            SearchVisibilityDelay = TimeSpan.FromMilliseconds(Int(values, "search-delay-ms", 0)),
            SimulateBehaviour = values.GetValueOrDefault("behaviour", "on") != "off",
            DataFile = values.GetValueOrDefault("data-file"),
            History = TimeSpan.FromDays(NonNegative(values, "start-days-ago")),
            CatchUp = TimeSpan.FromHours(NonNegative(values, "catch-up-hours")),
            NeverAheadOfRealTime = values.ContainsKey("never-ahead"),
            EnableLogging = values.ContainsKey("log"),
        };
    }

    private static double NonNegative(Dictionary<string, string> values, string name)
    {
        var value = values.TryGetValue(name, out var text) ? double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture) : 0;
        return value >= 0 && double.IsFinite(value) ? value : throw new ArgumentException($"--{name} must be a number of zero or more.");
    }

    private static int Int(Dictionary<string, string> values, string name, int fallback) =>
        values.TryGetValue(name, out var text) ? int.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture) : fallback;
}
