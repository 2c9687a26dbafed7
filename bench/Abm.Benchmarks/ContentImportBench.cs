using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Abm.Data;
using Microsoft.Extensions.DependencyInjection;

namespace Abm.Benchmarks;

/// <summary>
/// `POST /api/content/import` over loopback HTTP (the production handler, SQLite by default or DATABASE_URL):
/// the time of a one-row import into an empty library and into a library of 20,000 items, in the same run. A
/// cost that follows the file rather than the library keeps the ratio near 1.
/// </summary>
internal static class ContentImportBench
{
    private const int LibrarySize = 20_000;
    private const int Samples = 21;
    private const string OperatorKey = "import-bench-operator-key-0123456789ab";

    public static async Task RunAsync(TextWriter output)
    {
        var culture = CultureInfo.InvariantCulture;
        await using var server = await BenchServer.StartAsync("import", OperatorKey);
        var baseUrl = server.Address;
        output.WriteLine(string.Create(culture, $"Server on {baseUrl} ({server.App.Services.GetRequiredService<DatabaseTarget>()}), {Environment.ProcessorCount} cores"));

        using var empty = await WorkspaceClientAsync(baseUrl, "Empty library");
        using var full = await WorkspaceClientAsync(baseUrl, "Full library");
        var load = Stopwatch.StartNew();
        await ImportAsync(full, Csv(Enumerable.Range(0, LibrarySize).Select(i => $"lib-{i}")));
        output.WriteLine(string.Create(culture, $"Library of {LibrarySize:N0} items imported in one file: {load.Elapsed.TotalSeconds:F1} s"));

        var emptyTimes = await OneRowImportsAsync(empty);
        var fullTimes = await OneRowImportsAsync(full);
        output.WriteLine(string.Create(culture, $"One-row import, median of {Samples}: empty library {emptyTimes:F1} ms, {LibrarySize:N0}-item library {fullTimes:F1} ms"));
        output.WriteLine(string.Create(culture, $"Ratio full / empty: {fullTimes / emptyTimes:F2}x"));
    }

    private static async Task<double> OneRowImportsAsync(HttpClient client)
    {
        var times = new List<double>();
        for (var i = 0; i < Samples; i++)
        {
            var started = Stopwatch.StartNew();
            await ImportAsync(client, Csv([$"one-row-{i}"]));
            times.Add(started.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        return times[Samples / 2];
    }

    private static string Csv(IEnumerable<string> externalIds)
    {
        var csv = new StringBuilder("external_id,title,content_type,topic,url\n");
        foreach (var id in externalIds)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{id},Guide {id},whitepaper,analytics,https://example.com/{id}\n");
        }

        return csv.ToString();
    }

    private static async Task ImportAsync(HttpClient client, string csv)
    {
        using var body = new StringContent(csv, Encoding.UTF8, "text/csv");
        (await client.PostAsync("/api/content/import", body)).EnsureSuccessStatusCode();
    }

    private static async Task<HttpClient> WorkspaceClientAsync(Uri baseUrl, string name)
    {
        var client = new HttpClient { BaseAddress = baseUrl };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", OperatorKey);
        var created = await client.PostAsJsonAsync("/api/workspaces", new { name });
        created.EnsureSuccessStatusCode();
        client.DefaultRequestHeaders.Add("X-Workspace-Id", (await created.Content.ReadFromJsonAsync<Created>())!.Id.ToString());
        return client;
    }

    private sealed record Created(Guid Id);
}
