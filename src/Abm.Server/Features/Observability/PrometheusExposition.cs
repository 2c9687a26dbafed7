using System.Globalization;
using System.Text;

namespace Abm.Server.Features.Observability;

/// <summary>
/// Writes the collected series in Prometheus' text format (version 0.0.4): dots become underscores, a unit of
/// seconds becomes a <c>_seconds</c> suffix, counters end in <c>_total</c>, histograms give cumulative
/// <c>_bucket</c> lines with <c>le</c>, then <c>_sum</c> and <c>_count</c>.
/// </summary>
internal static class PrometheusExposition
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    public static string Write(IReadOnlyList<MetricsCollector.Series> series)
    {
        var text = new StringBuilder();
        foreach (var family in series.GroupBy(s => s.Key.Name))
        {
            var first = family.First();
            var name = Name(family.Key, first.Unit);
            var type = first.Kind switch
            {
                MetricsCollector.SeriesKind.Counter => "counter",
                MetricsCollector.SeriesKind.Histogram => "histogram",
                _ => "gauge",
            };
            var exposed = first.Kind == MetricsCollector.SeriesKind.Counter ? $"{name}_total" : name;
            if (!string.IsNullOrEmpty(first.Description))
            {
                text.Append("# HELP ").Append(exposed).Append(' ').Append(first.Description.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal)).Append('\n');
            }

            text.Append("# TYPE ").Append(exposed).Append(' ').Append(type).Append('\n');
            foreach (var one in family)
            {
                if (one.Kind == MetricsCollector.SeriesKind.Histogram)
                {
                    var cumulative = one.CumulativeBuckets();
                    for (var i = 0; i < cumulative.Length; i++)
                    {
                        var bound = i < MetricsCollector.Buckets.Length ? Number(MetricsCollector.Buckets[i]) : "+Inf";
                        Line(text, $"{name}_bucket", one.Labels, cumulative[i], ("le", bound));
                    }

                    Line(text, $"{name}_sum", one.Labels, one.Value);
                    Line(text, $"{name}_count", one.Labels, one.Count);
                }
                else
                {
                    Line(text, exposed, one.Labels, one.Value);
                }
            }
        }

        return text.ToString();
    }

    private static string Name(string instrument, string? unit)
    {
        var name = new string([.. instrument.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_')]);
        return unit == "s" ? $"{name}_seconds" : name;
    }

    private static void Line(StringBuilder text, string name, IReadOnlyDictionary<string, string> labels, double value, (string Key, string Value)? extra = null)
    {
        text.Append(name);
        var all = labels.Select(l => (l.Key, l.Value)).Concat(extra is { } e ? [e] : []).ToList();
        if (all.Count > 0)
        {
            text.Append('{').AppendJoin(',', all.Select(l => $"{Label(l.Key)}=\"{Escape(l.Value)}\"")).Append('}');
        }

        text.Append(' ').Append(Number(value)).Append('\n');
    }

    private static string Label(string key) => new([.. key.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_')]);

    private static string Escape(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    private static string Number(double value) => double.IsPositiveInfinity(value) ? "+Inf" : value.ToString("R", CultureInfo.InvariantCulture);
}
