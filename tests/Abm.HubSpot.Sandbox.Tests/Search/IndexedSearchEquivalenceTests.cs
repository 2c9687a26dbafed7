using System.Globalization;
using System.Text.Json.Nodes;
using Abm.HubSpot.Sandbox.Crm;
using Abm.HubSpot.Sandbox.Http;
using Abm.HubSpot.Sandbox.Portals;
using Abm.HubSpot.Sandbox.Search;

namespace Abm.HubSpot.Sandbox.Tests.Search;

/// <summary>
/// The indexed search must answer exactly as the full scan does. Random records (numbers, dates, mixed kinds,
/// multi-select and tokenised text, blanks), random changes made after the indexes exist (updates, archives, the
/// visibility lag) and random searches over every operator, groups, sorts, the query and paging are run both ways.
/// </summary>
public sealed class IndexedSearchEquivalenceTests
{
    private static readonly DateTimeOffset Epoch = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly string[] Operators =
    [
        "EQ", "NEQ", "LT", "LTE", "GT", "GTE", "BETWEEN", "IN", "NOT_IN",
        "HAS_PROPERTY", "NOT_HAS_PROPERTY", "CONTAINS_TOKEN", "NOT_CONTAINS_TOKEN",
    ];

    private static readonly string[] Properties = ["score", "seen", "visited", "mixed", "tags", "firstname", "email", "lastmodifieddate", "hs_object_id", "flag"];

    // Operators and properties an index can answer; most groups lead with one so that the indexes get exercised.
    private static readonly string[] IndexedOperators = ["EQ", "IN", "LT", "LTE", "GT", "GTE", "BETWEEN", "CONTAINS_TOKEN"];
    private static readonly string[] IndexedProperties = ["score", "visited", "tags", "firstname", "email", "lastmodifieddate", "hs_object_id", "flag"];
    private static readonly string[] Words = ["Ann", "anna", "Bob", "bo", "Carl", "dora", "Émile", "eve", "zoë", "al-amin"];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void RandomSearches_IndexedAndScanned_GiveTheSameAnswer(int seed)
    {
        var random = new Random(seed);
        var state = new PortalState(Epoch, 1, seed);
        var store = state.Stores[CrmObjectTypes.Contacts];
        for (var i = 0; i < 3_000; i++)
        {
            CrmRecordFactory.Insert(state, CrmObjectTypes.Contacts, Epoch.AddMinutes(random.Next(0, 500)), RandomValues(random));
        }

        var compared = 0;
        for (var round = 0; round < 40; round++)
        {
            // Searches first build the indexes; the changes after them check that the indexes follow.
            for (var i = 0; i < 25; i++)
            {
                var now = Epoch.AddMinutes(random.Next(400, 700));
                var body = random.Next(5) == 0 ? SyncSearch(random) : RandomSearch(random);
                var (request, error) = SearchRequest.Parse(body);
                error.ShouldBeNull(body.ToJsonString());
                var search = new CompiledSearch(request!);

                if (IndexedSearch.TryRun(store, now, request!, search) is not { } actual)
                {
                    continue;
                }

                var expected = SearchScan.Run(store.Ordered, now, request!, search, store.Type.SearchableProperties);
                actual.Total.ShouldBe(expected.Total, body.ToJsonString());
                Describe(actual).ShouldBe(Describe(expected), body.ToJsonString());
                compared++;
            }

            Change(random, state, store);
        }

        // Most searches must have gone through the indexes, or this compares nothing.
        compared.ShouldBeGreaterThan(400);
    }

    private static IEnumerable<string> Describe(SearchOutcome outcome) =>
        outcome.Page.Select(m => $"{m.Record.Id}:{string.Join(',', m.View.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"))}");

    private static Dictionary<string, string?> RandomValues(Random random)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        void Maybe(string name, Func<string?> value)
        {
            if (random.NextDouble() < 0.85)
            {
                values[name] = value();
            }
        }

        Maybe("score", () => random.Next(0, 60).ToString(CultureInfo.InvariantCulture) + (random.Next(4) == 0 ? ".5" : ""));
        Maybe("seen", () => RandomDate(random));
        Maybe("visited", () => HubSpotTime.Format(Epoch.AddMinutes(random.Next(0, 1_000))));
        Maybe("mixed", () => random.Next(3) switch { 0 => random.Next(0, 20).ToString(CultureInfo.InvariantCulture), 1 => RandomDate(random), _ => Words[random.Next(Words.Length)] });
        Maybe("tags", () => string.Join(';', Enumerable.Range(0, random.Next(1, 4)).Select(_ => "t" + random.Next(6).ToString(CultureInfo.InvariantCulture))));
        Maybe("firstname", () => random.Next(5) == 0 ? "" : $"{Words[random.Next(Words.Length)]} {Words[random.Next(Words.Length)]}");
        Maybe("email", () => $"{Words[random.Next(Words.Length)]}.{random.Next(50)}@x{random.Next(3)}.io");
        Maybe("flag", () => random.Next(2) == 0 ? "true" : "false");
        return values;
    }

    private static string RandomDate(Random random)
    {
        var at = Epoch.AddMinutes(random.Next(0, 1_000));
        return random.Next(3) == 0 ? at.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture) : HubSpotTime.Format(at);
    }

    // Numbers, dates in both spellings, words, options, an absent value: bounds of every kind the filters meet.
    private static string? RandomValue(Random random, string property, bool fitting = false) => (fitting ? 99 : random.Next(12)) switch
    {
        0 => null,
        1 => random.Next(0, 60).ToString(CultureInfo.InvariantCulture),
        2 => RandomDate(random),
        3 => Words[random.Next(Words.Length)],
        4 => "t" + random.Next(6).ToString(CultureInfo.InvariantCulture),
        5 => Words[random.Next(Words.Length)][..1] + "*",
        6 => "*" + Words[random.Next(Words.Length)][1..],
        7 => random.Next(2) == 0 ? "true" : "",
        8 => (random.Next(0, 60) + 0.5m).ToString(CultureInfo.InvariantCulture),
        _ => property switch
        {
            "score" or "flag" => random.Next(0, 60).ToString(CultureInfo.InvariantCulture),
            "tags" => "t" + random.Next(6).ToString(CultureInfo.InvariantCulture),
            "hs_object_id" => random.Next(1, 3_100).ToString(CultureInfo.InvariantCulture),
            "firstname" or "email" => Words[random.Next(Words.Length)].ToUpperInvariant() + (random.Next(2) == 0 ? "*" : ""),
            _ => RandomDate(random),
        },
    };

    // The incremental sync's query: modified since (or between), sorted by the modified date, paged; sometimes
    // narrowed by one more filter.
    private static JsonObject SyncSearch(Random random)
    {
        var filters = new JsonArray(random.Next(2) == 0
            ? new JsonObject { ["propertyName"] = "lastmodifieddate", ["operator"] = "GTE", ["value"] = RandomDate(random) }
            : new JsonObject { ["propertyName"] = "lastmodifieddate", ["operator"] = "BETWEEN", ["value"] = RandomDate(random), ["highValue"] = RandomDate(random) });
        if (random.Next(3) == 0)
        {
            filters.Add(new JsonObject { ["propertyName"] = "flag", ["operator"] = "NEQ", ["value"] = "true" });
        }

        return new JsonObject
        {
            ["filterGroups"] = new JsonArray(new JsonObject { ["filters"] = filters }),
            ["sorts"] = new JsonArray(new JsonObject { ["propertyName"] = "lastmodifieddate", ["direction"] = random.Next(4) == 0 ? "DESCENDING" : "ASCENDING" }),
            ["limit"] = random.Next(2) == 0 ? 100 : 200,
            ["after"] = (random.Next(0, 15) * 100).ToString(CultureInfo.InvariantCulture),
        };
    }

    private static JsonObject RandomSearch(Random random)
    {
        var groups = new JsonArray();
        var groupCount = random.Next(5) == 0 ? 0 : random.Next(1, 4);
        for (var g = 0; g < groupCount; g++)
        {
            var filters = new JsonArray();
            var leadsWithIndexed = random.Next(5) > 0;
            for (var f = random.Next(1, 4); f > 0; f--)
            {
                var indexed = leadsWithIndexed && filters.Count == 0;
                var property = indexed ? IndexedProperties[random.Next(IndexedProperties.Length)] : Properties[random.Next(Properties.Length)];
                var op = indexed ? IndexedOperators[random.Next(IndexedOperators.Length)] : Operators[random.Next(Operators.Length)];
                var filter = new JsonObject { ["propertyName"] = property, ["operator"] = op };
                var fitting = indexed && random.Next(5) > 0;
                filter["value"] = RandomValue(random, property, fitting);
                filter["highValue"] = RandomValue(random, property, fitting);
                filter["values"] = new JsonArray(Enumerable.Range(0, random.Next(0, 4)).Select(_ => (JsonNode?)RandomValue(random, property, fitting)).Where(v => v is not null).ToArray());
                filters.Add(filter);
            }

            groups.Add(new JsonObject { ["filters"] = filters });
        }

        var body = new JsonObject { ["filterGroups"] = groups, ["limit"] = random.Next(0, 201) };
        if (random.Next(4) > 0)
        {
            body["sorts"] = new JsonArray(new JsonObject
            {
                ["propertyName"] = Properties[random.Next(Properties.Length)],
                ["direction"] = random.Next(2) == 0 ? "ASCENDING" : "DESCENDING",
            });
        }

        if (random.Next(3) > 0)
        {
            body["after"] = random.Next(0, 400).ToString(CultureInfo.InvariantCulture);
        }

        if (random.Next(8) == 0)
        {
            body["query"] = Words[random.Next(Words.Length)][..2];
        }

        return body;
    }

    // Updates, blanks, archives and the visibility lag (older values or not yet visible), after the indexes exist.
    private static void Change(Random random, PortalState state, ObjectStore store)
    {
        for (var i = 0; i < 40; i++)
        {
            var record = store.Ordered[random.Next(store.Ordered.Count)];
            switch (random.Next(6))
            {
                case 0:
                    record.Archived = true;
                    break;
                case 1:
                    record.SearchSnapshot = random.Next(2) == 0 ? null : new Dictionary<string, string?>(record.Properties, StringComparer.Ordinal);
                    record.SearchVisibleAt = Epoch.AddMinutes(random.Next(400, 800));
                    goto default;
                case 2:
                    record.Properties[Properties[random.Next(Properties.Length - 2)]] = random.Next(2) == 0 ? null : "";
                    break;
                default:
                    foreach (var (name, value) in RandomValues(random))
                    {
                        record.Properties[name] = value;
                    }

                    record.Properties["lastmodifieddate"] = HubSpotTime.Format(Epoch.AddMinutes(random.Next(0, 1_000)));
                    break;
            }
        }

        CrmRecordFactory.Insert(state, CrmObjectTypes.Contacts, Epoch.AddMinutes(random.Next(0, 1_000)), RandomValues(random));
    }
}
