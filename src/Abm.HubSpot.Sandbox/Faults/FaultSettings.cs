using System.Globalization;
using System.Text.RegularExpressions;

namespace Abm.HubSpot.Sandbox.Faults;

/// <summary>The fault rules in force; the first rule matching a request decides its fate.</summary>
internal sealed class FaultSettings
{
    private readonly Lock _gate = new();
    private readonly List<ActiveRule> _rules = [];
    private int _nextId = 1;

    public FaultRule Add(FaultRule rule)
    {
        lock (_gate)
        {
            var stored = rule with { Id = rule.Id ?? (_nextId++).ToString(CultureInfo.InvariantCulture) };
            _rules.RemoveAll(r => r.Rule.Id == stored.Id);
            _rules.Add(new ActiveRule(stored));
            return stored;
        }
    }

    public bool Remove(string id)
    {
        lock (_gate)
        {
            return _rules.RemoveAll(r => r.Rule.Id == id) > 0;
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _rules.Clear();
        }
    }

    public IReadOnlyList<FaultRule> Rules
    {
        get
        {
            lock (_gate)
            {
                return _rules.Select(r => r.Rule).ToList();
            }
        }
    }

    public FaultDecision Decide(long? portalId, string method, string path)
    {
        lock (_gate)
        {
            var match = _rules.FirstOrDefault(r => r.Matches(portalId, method, path));
            return match?.Draw() ?? FaultDecision.None;
        }
    }

    private sealed class ActiveRule(FaultRule rule)
    {
        private readonly Random _random = new(rule.Seed);
        private readonly Regex _route = Pattern(rule.Route);

        public FaultRule Rule { get; } = rule;

        public bool Matches(long? portalId, string method, string path) =>
            (Rule.PortalId is null || Rule.PortalId == portalId) && (_route.IsMatch($"{method} {path}") || _route.IsMatch(path));

        // One draw per request picks at most one fault; the order of the table keeps draws reproducible.
        public FaultDecision Draw()
        {
            var roll = _random.NextDouble();
            var latency = TimeSpan.FromMilliseconds(Rule.LatencyMs);
            var cumulative = 0.0;
            foreach (var (status, rate) in Rule.ErrorRates.OrderBy(e => e.Key))
            {
                cumulative += rate;
                if (roll < cumulative)
                {
                    return new FaultDecision(FaultKind.Error, status, latency, TimeSpan.Zero);
                }
            }

            foreach (var (kind, rate) in new[] { (FaultKind.Timeout, Rule.TimeoutRate), (FaultKind.Drop, Rule.DropRate), (FaultKind.Truncate, Rule.TruncateRate), (FaultKind.Malformed, Rule.MalformedRate) })
            {
                cumulative += rate;
                if (roll < cumulative)
                {
                    return new FaultDecision(kind, 0, latency, TimeSpan.FromMilliseconds(Rule.TimeoutMs));
                }
            }

            return latency > TimeSpan.Zero ? FaultDecision.None with { Latency = latency } : FaultDecision.None;
        }

        private static Regex Pattern(string route) =>
            new("^" + Regex.Escape(route.Trim()).Replace("\\*", ".*", StringComparison.Ordinal) + "$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    }
}
