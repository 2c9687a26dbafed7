extern alias sandbox;

using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using sandbox::Abm.HubSpot.Sandbox.Hosting;

namespace Abm.Benchmarks;

/// <summary>
/// The HubSpot sandbox at demo scale: a portal of about 100,000 contacts, and the latency of list, get and
/// search over loopback HTTP (target p95 under 20 ms each). Searches keep to HubSpot's 5 requests a second on the
/// sandbox's simulated clock, and are timed in the shapes ABM Engine and demos use: a token prefix, an email
/// lookup, a full and an incremental sync. The sandbox keeps a data file, whose saves are timed at the end: a whole
/// save of the portal and a save after 1,000 updates, which writes those records only.
/// </summary>
internal static class SandboxScaleBench
{
    private const int Accounts = 5_800; // 5 to 30 contacts each: about 100,000 contacts
    private const int Samples = 400;
    private const int SearchSamples = 200;
    private const int SavedUpdates = 1_000;
    private const int WarmUpCalls = 100;
    private const string ListedProperties = "email,firstname,lastname,jobtitle,lifecyclestage,hs_buying_role,company,hubspot_owner_id";

    public static async Task RunAsync(TextWriter output)
    {
        var dataFile = Path.Combine(Path.GetTempPath(), $"sandbox-bench-{Guid.NewGuid():N}.db");
        try
        {
            await RunAsync(output, dataFile);

            // A restart reads the portal back from the file instead of seeding it.
            var restart = Stopwatch.StartNew();
            await using (await SandboxHost.StartAsync(Options(dataFile)))
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"data file, restart on it (read back, no seeding): {restart.Elapsed.TotalSeconds:F1} s"));
            }
        }
        finally
        {
            File.Delete(dataFile);
            File.Delete(dataFile + "-journal");
        }
    }

    private static async Task RunAsync(TextWriter output, string dataFile)
    {
        var culture = CultureInfo.InvariantCulture;
        var seeding = Stopwatch.StartNew();
        await using var host = await SandboxHost.StartAsync(Options(dataFile));
        seeding.Stop();
        using var http = new HttpClient { BaseAddress = new Uri(host.BaseUrl) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", host.Portals[0].AccessToken);
        var first = await http.GetFromJsonAsync<JsonElement>("/crm/v3/objects/contacts?limit=100");
        var everyone = await http.PostAsJsonAsync("/crm/v3/objects/contacts/search", new
        {
            filterGroups = new[] { new { filters = new[] { new { propertyName = "email", @operator = "HAS_PROPERTY" } } } },
            limit = 1,
        });
        var total = (await everyone.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("total").GetInt32();
        output.WriteLine(string.Create(culture, $"Sandbox with {total:N0} contacts seeded and saved whole to its data file in {seeding.Elapsed.TotalSeconds:F1} s"));

        for (var i = 0; i < WarmUpCalls; i++)
        {
            // Untimed: lets the JIT finish compiling the list path, so the figures are those of a running sandbox.
            await http.GetStringAsync($"/crm/v3/objects/contacts?limit=100&properties={ListedProperties}");
        }

        var ids = new List<string>();
        var emails = new List<string>();
        string? after = null;
        var list = await TimeAsync(Samples, async _ =>
        {
            // Walks the portal page by page with HubSpot's opaque cursor, as a full sync does.
            var page = await http.GetFromJsonAsync<JsonElement>($"/crm/v3/objects/contacts?limit=100{(after is null ? "" : $"&after={after}")}");
            var last = page.GetProperty("results").EnumerateArray().Last();
            ids.Add(last.GetProperty("id").GetString()!);
            emails.Add(last.GetProperty("properties").GetProperty("email").GetString()!);
            after = page.TryGetProperty("paging", out var paging) ? paging.GetProperty("next").GetProperty("after").GetString() : null;
        });
        after = null;
        var listWithProperties = await TimeAsync(Samples, async _ =>
        {
            var page = await http.GetFromJsonAsync<JsonElement>($"/crm/v3/objects/contacts?limit=100&properties={ListedProperties}{(after is null ? "" : $"&after={after}")}");
            after = page.TryGetProperty("paging", out var paging) ? paging.GetProperty("next").GetProperty("after").GetString() : null;
        });
        var random = new Random(3);
        var known = first.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("id").GetString()!).Concat(ids).ToList();
        var get = await TimeAsync(Samples, async _ => await http.GetStringAsync($"/crm/v3/objects/contacts/{known[random.Next(known.Count)]}"));

        // Searches run back to back; HubSpot's 5 a second per portal holds on the simulated clock.
        var tokens = await TimeSearchesAsync(host, http, i => TokenSearch(((char)('a' + (i % 26))).ToString()));
        var byEmail = await TimeSearchesAsync(host, http, _ => EqualsSearch("email", emails[random.Next(emails.Count)]));
        var fullSync = await TimeSearchesAsync(host, http, i => ModifiedSinceSearch("0", 200, (i % 50) * 200));
        var since = (await http.GetFromJsonAsync<JsonElement>("/_sandbox/clock")).GetProperty("now").GetString()!;
        await UpdateContactsAsync(http, known.Take(500).ToList());
        var incremental = await TimeSearchesAsync(host, http, i => ModifiedSinceSearch(since, 100, (i % 5) * 100));

        output.WriteLine(string.Create(culture, $"list (limit 100): {Describe(list)}"));
        output.WriteLine(string.Create(culture, $"list (limit 100, 8 properties): {Describe(listWithProperties)}"));
        output.WriteLine(string.Create(culture, $"get by id:        {Describe(get)}"));
        output.WriteLine(string.Create(culture, $"search firstname CONTAINS_TOKEN x*, sorted by lastmodifieddate desc, limit 100: {Describe(tokens)}"));
        output.WriteLine(string.Create(culture, $"search email EQ: {Describe(byEmail)}"));
        output.WriteLine(string.Create(culture, $"search lastmodifieddate GTE 0, sorted by it, limit 200, pages 1-50: {Describe(fullSync)}"));
        output.WriteLine(string.Create(culture, $"search lastmodifieddate GTE since (500 updated), sorted by it, limit 100, pages 1-5: {Describe(incremental)}"));
        var all = tokens.Concat(byEmail).Concat(fullSync).Concat(incremental).Order().ToList();
        output.WriteLine(string.Create(culture, $"search, all shapes: {Describe(all)} (target p95 < 20 ms for list, get and search)"));
        await TimeDataFileSavesAsync(output, host, http, dataFile);
    }

    // A reseeded portal is a new state, which the next save writes whole, as the first save after seeding does.
    private static async Task TimeDataFileSavesAsync(TextWriter output, SandboxHost host, HttpClient http, string dataFile)
    {
        var culture = CultureInfo.InvariantCulture;
        (await http.PostAsJsonAsync($"/_sandbox/portals/{host.Portals[0].PortalId}/reseed", new { })).EnsureSuccessStatusCode();
        var whole = host.SaveDataFile();
        output.WriteLine(string.Create(culture, $"data file, whole save: {whole.Elapsed.TotalSeconds:F2} s (of which {whole.Capturing.TotalSeconds:F2} s under the portal's lock), {whole.PortalRowsWritten:N0} rows, file {new FileInfo(dataFile).Length / 1e6:F0} MB"));

        var updated = new List<string>();
        string? after = null;
        while (updated.Count < SavedUpdates)
        {
            var page = await http.GetFromJsonAsync<JsonElement>($"/crm/v3/objects/contacts?limit=100{(after is null ? "" : $"&after={after}")}");
            updated.AddRange(page.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("id").GetString()!));
            after = page.GetProperty("paging").GetProperty("next").GetProperty("after").GetString();
        }

        await UpdateContactsAsync(http, updated.Take(SavedUpdates).ToList());
        var incremental = host.SaveDataFile();
        output.WriteLine(string.Create(culture, $"data file, save after {SavedUpdates:N0} updates: {incremental.Elapsed.TotalMilliseconds:F0} ms (of which {incremental.Capturing.TotalMilliseconds:F0} ms under the lock), {incremental.PortalRowsWritten:N0} rows"));
    }

    private static SandboxOptions Options(string dataFile) => new()
    {
        Seed = 42,
        ClockSpeed = 0, // the bench moves simulated time itself, to keep search within its per-second limit
        SimulateBehaviour = false, // latency of the API alone
        Portals = [new SandboxPortalOptions { Accounts = Accounts, BurstLimit = 1_000_000, DailyLimit = 100_000_000 }],
        DataFile = dataFile,
        DataFileSaveInterval = TimeSpan.FromHours(1), // saves only when the bench asks, outside the latency figures
    };

    private static object TokenSearch(string letter) => new
    {
        filterGroups = new[] { new { filters = new[] { new { propertyName = "firstname", @operator = "CONTAINS_TOKEN", value = $"{letter}*" } } } },
        sorts = new[] { new { propertyName = "lastmodifieddate", direction = "DESCENDING" } },
        limit = 100,
    };

    private static object EqualsSearch(string property, string value) => new
    {
        filterGroups = new[] { new { filters = new[] { new { propertyName = property, @operator = "EQ", value } } } },
        limit = 10,
    };

    // The incremental sync's query: everything modified since a moment, oldest first, paged with after.
    private static object ModifiedSinceSearch(string since, int limit, int offset) => new
    {
        filterGroups = new[] { new { filters = new[] { new { propertyName = "lastmodifieddate", @operator = "GTE", value = since } } } },
        sorts = new[] { new { propertyName = "lastmodifieddate", direction = "ASCENDING" } },
        limit,
        after = offset.ToString(CultureInfo.InvariantCulture),
    };

    private static async Task UpdateContactsAsync(HttpClient http, List<string> ids)
    {
        foreach (var chunk in ids.Chunk(100))
        {
            var response = await http.PostAsJsonAsync("/crm/v3/objects/contacts/batch/update", new
            {
                inputs = chunk.Select(id => new { id, properties = new { jobtitle = "Updated for the bench" } }),
            });
            response.EnsureSuccessStatusCode();
        }
    }

    private static async Task<List<double>> TimeSearchesAsync(SandboxHost host, HttpClient http, Func<int, object> body)
    {
        var times = new List<double>(SearchSamples);
        for (var i = 0; i < SearchSamples; i++)
        {
            if (i % 5 == 0)
            {
                host.Clock.Advance(TimeSpan.FromSeconds(1)); // a new second of search allowance, outside the timing
            }

            var request = body(i);
            var watch = Stopwatch.StartNew();
            var response = await http.PostAsJsonAsync("/crm/v3/objects/contacts/search", request);
            response.EnsureSuccessStatusCode();
            await response.Content.ReadAsByteArrayAsync();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        return times;
    }

    private static async Task<List<double>> TimeAsync(int count, Func<int, Task> call)
    {
        var times = new List<double>(count);
        for (var i = 0; i < count; i++)
        {
            var watch = Stopwatch.StartNew();
            await call(i);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        return times;
    }

    private static string Describe(List<double> sorted) => string.Create(CultureInfo.InvariantCulture,
        $"p50 {sorted[sorted.Count / 2]:F2} ms, p95 {sorted[(int)(sorted.Count * 0.95)]:F2} ms, max {sorted[^1]:F2} ms over {sorted.Count}");
}
