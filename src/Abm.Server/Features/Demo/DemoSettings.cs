using System.Globalization;
using Abm.Server.Configuration;

namespace Abm.Server.Features.Demo;

/// <summary>
/// The shape of the demo (section <c>Demo</c>, e.g. <c>Demo__Accounts</c>): how big the sandbox portal is, how long its
/// buyers lived before the server opens, and how the part they live after it is paced.
/// </summary>
internal sealed record DemoSettings(int Accounts, int Seed, double HistoryDays, double CatchUpHours, double ClockSpeed)
{
    public static DemoSettings FromConfiguration(IConfiguration configuration)
    {
        var section = configuration.GetSection("Demo");
        var history = Number(section, "HistoryDays", 30, 1, 365);
        return new DemoSettings(
            (int)Number(section, "Accounts", 100, 1, 10_000),
            (int)Number(section, "Seed", 42, 0, int.MaxValue),
            history,
            Number(section, "CatchUpHours", 3, 0, history * 24),
            Number(section, "ClockSpeed", 20, 1, 10_000));
    }

    private static double Number(IConfigurationSection section, string name, double fallback, double min, double max)
    {
        var text = section[name];
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new ConfigurationException($"Demo:{name} '{text}' must be a number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}.");
    }
}
