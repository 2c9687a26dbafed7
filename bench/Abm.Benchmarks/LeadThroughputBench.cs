using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Abm.Data;
using Abm.Data.Entities;
using Abm.Engines.Leads;
using Abm.Server.Features.Access;
using Abm.Server.Features.Leads;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Abm.Benchmarks;

/// <summary>
/// Lead scoring speed on the scorer's own path (no database): N synthetic leads each written as a document,
/// embedded (in batches, through the server's embedder: the local MiniLM model, or the hashed embedding), matched against 300 ideal-client examples (top 5) and scored by the
/// deterministic scorer; then the similarity search alone, top 5 over 100,000 examples of 384 dimensions (the
/// size of a MiniLM vector), timed through the server's search (8-bit scan, exact re-rank) and the plain float scan.
/// </summary>
internal static class LeadThroughputBench
{
    private static readonly string[] Industries = ["technology", "financial_services", "healthcare", "manufacturing", "retail"];
    private static readonly string[] Tools = ["hubspot", "salesforce", "snowflake", "aws", "slack", "jira", "oracle", "azure"];

    // args: optional "--leads N" (default 10,000), "--examples N" (default 100,000), "--embedder minilm|hashed" (default minilm,
    // the server's local model), "--compare-text-forms" (MiniLM on up to 1,000 of the documents as feature words and as plain
    // words) and "--database N" (N leads through the server's own path over its database).
    public static async Task RunAsync(string[] args, TextWriter output)
    {
        var leads = Option(args, "--leads") ?? 10_000;
        var exampleCount = Option(args, "--examples") ?? 100_000;
        var embedderName = Array.IndexOf(args, "--embedder") is var at && at >= 0 && at + 1 < args.Length ? args[at + 1] : "minilm";
        var embedder = new LeadEmbedder(LeadEmbeddingModel.Local(embedderName));
        var random = new Random(42);
        var facts = Enumerable.Range(0, leads).Select(_ => RandomLead(random)).ToList();
        var exampleVectors = await embedder.EmbedAsync(Enumerable.Range(0, 300).Select(_ => LeadDocument.Of(RandomLead(random))).ToList(), CancellationToken.None);
        var index = new SimilarityIndex(exampleVectors.Select((v, i) => new ExampleVector($"e{i}", v, SimilarityIndex.IdealClientType, true)), embedder.Dimensions);
        await embedder.EmbedAsync(["warm-up"], CancellationToken.None);

        // As the server does it: each lead's document, the documents embedded in batches, then each lead's top 5 and
        // score; each stage timed on its own (wall clock, and the embedding's processor time, which a busy machine inflates less).
        var clock = Stopwatch.StartNew();
        var documents = facts.Select(LeadDocument.Of).ToList();
        var building = clock.Elapsed;
        var processor = Process.GetCurrentProcess().TotalProcessorTime;
        var vectors = await embedder.EmbedAsync(documents, CancellationToken.None);
        var embedding = clock.Elapsed - building;
        var embeddingProcessor = Process.GetCurrentProcess().TotalProcessorTime - processor;
        var high = 0;
        for (var i = 0; i < facts.Count; i++)
        {
            var similar = index.TopK(vectors[i], 5).Select(s => s.Similarity).ToList();
            high += FallbackLeadScorer.Score(facts[i], [LeadFitBench.Profile], similar).Fit == FitLevel.High ? 1 : 0;
        }

        clock.Stop();
        var scoring = clock.Elapsed - building - embedding;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{leads:N0} leads scored with {embedder.Model} ({embedder.Dimensions} dims, batches of {LeadEmbedder.BatchSize}): document, embedding, top-5 of 300 examples, fallback scorer in {clock.Elapsed.TotalSeconds:0.00} s: {leads / clock.Elapsed.TotalSeconds:N0} leads/s, {leads / clock.Elapsed.TotalMinutes:N0} a minute ({high:N0} High)"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  documents {building.TotalSeconds:0.000} s; embedding {embedding.TotalSeconds:0.00} s ({embedding.TotalMilliseconds / leads:0.00} ms a lead; processor time {embeddingProcessor.TotalMilliseconds / leads:0.00} ms a lead); top-5 and scorer {scoring.TotalSeconds:0.000} s"));
        if (args.Contains("--compare-text-forms") && embedder.Model == MiniLmEmbeddingGenerator.ModelName)
        {
            CompareTextForms(documents.Distinct(StringComparer.Ordinal).Take(1_000).ToList(), output);
        }

        if (Option(args, "--database") is { } databaseLeads)
        {
            await DatabasePathAsync(databaseLeads, embedderName, random, output);
        }

        const int dimensions = 384;
        var big = new SimilarityIndex(Enumerable.Range(0, exampleCount).Select(i => new ExampleVector($"x{i}", RandomVector(random, dimensions), SimilarityIndex.IdealClientType, true)), dimensions);
        var queries = Enumerable.Range(0, 50).Select(_ => RandomVector(random, dimensions)).ToList();
        var answers = new List<(IReadOnlyList<SimilarExample> Hits, int Reranked)>();
        var quantised = Time(queries, query => answers.Add(big.Search(query, 5)));
        answers.RemoveAt(0); // the warm-up's
        if (answers.Where((answer, i) => !answer.Hits.SequenceEqual(big.ExactTopK(queries[i], 5))).Any())
        {
            throw new InvalidOperationException("The 8-bit scan with exact re-rank disagreed with the exact scan.");
        }

        var reranked = answers.Select(a => a.Reranked).ToList();
        var exact = Time(queries, query => big.ExactTopK(query, 5));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"similarity top-5 over {exampleCount:N0} examples x {dimensions} dims, {queries.Count} queries (each checked against the exact scan), one thread:"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  SimilarityIndex.TopK (8-bit scan + exact float re-rank of the survivors): median {Median(quantised):0.00} ms, p90 {P90(quantised):0.00} ms, re-ranked per query median {Median(reranked.Select(r => (double)r).ToList()):0}, max {reranked.Max()}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  SimilarityIndex.ExactTopK (float scan, the baseline):                  median {Median(exact):0.00} ms, p90 {P90(exact):0.00} ms; ratio to TopK {Median(exact) / Median(quantised):0.0}x"));
    }

    /// <summary>
    /// The server's own path over its database (SQLite in a scratch folder, or DATABASE_URL): N synthetic leads, each of
    /// a company of its own (so every document is distinct, as above), scored by <see cref="LeadScoring"/> as a bulk
    /// scoring does: read the contacts, companies and deals, embed, score, write the score rows and the write-back
    /// outbox, route. Then the same leads again, as a re-scoring of changed leads: their documents are unchanged, so no
    /// model time (the vectors come from the embedder's cache), but each replaces a current score and merges into a
    /// pending outbox row. Run it with <c>--embedder hashed</c> too: the first scoring then is the database path with
    /// (almost) no model time.
    /// </summary>
    private static async Task DatabasePathAsync(int leads, string embedderName, Random random, TextWriter output)
    {
        var operatorKey = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24));
        await using var server = await BenchServer.StartAsync("lead-throughput", operatorKey,
            $"--Leads:EmbeddingModel={embedderName}", "--Leads:AutoScoreIntervalSeconds=0", "--Leads:Llm:Provider=none");
        Guid workspace;
        await using (var seeding = server.App.Services.CreateAsyncScope())
        {
            var database = seeding.ServiceProvider.GetRequiredService<AbmDbContext>();
            workspace = await database.Workspaces.IgnoreQueryFilters().Select(w => w.Id).FirstAsync();
            seeding.ServiceProvider.GetRequiredService<CurrentWorkspace>().Use(workspace);
            var now = TimeProvider.System.GetUtcNow().UtcDateTime.AddHours(-1);
            for (var i = 0; i < leads; i++)
            {
                var facts = RandomLead(random);
                var company = new Company
                {
                    Id = Guid.NewGuid(), WorkspaceId = workspace, HubSpotId = $"c{i}", Name = $"Company {i}", Industry = facts.Industry,
                    EmployeeCount = facts.Employees, AnnualRevenue = facts.AnnualRevenue, CreatedAt = now, UpdatedAt = now,
                    Properties = JsonSerializer.Serialize(new Dictionary<string, string> { ["country"] = facts.Country!, ["web_technologies"] = string.Join(';', facts.Technologies) }),
                };
                database.Companies.Add(company);
                database.Contacts.Add(new Contact
                {
                    Id = Guid.NewGuid(), WorkspaceId = workspace, HubSpotId = $"p{i}", Email = $"lead{i}@example.com", JobTitle = facts.JobTitle, CompanyId = company.Id,
                    CreatedAt = now, UpdatedAt = now,
                });
            }

            await database.SaveChangesAsync();
            var profile = LeadFitBench.Profile;
            await seeding.ServiceProvider.GetRequiredService<IcpStore>().ReplaceAsync(workspace,
                [new IcpCriteriaSet("Core", [.. profile.Industries], profile.Employees.Min, profile.Employees.Max, null, null, null, [.. profile.Technologies], null, null)], CancellationToken.None);
            await database.SaveChangesAsync();
        }

        var first = await TimedScoringAsync(server, workspace);
        var second = await TimedScoringAsync(server, workspace);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"the server's path over {server.App.Services.GetRequiredService<DatabaseTarget>().Provider}, {leads:N0} leads (bulk scoring: read, embed, score, write scores and outbox, route):"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  first scoring {first.TotalSeconds:0.00} s ({first.TotalMilliseconds / leads:0.00} ms a lead): {leads / first.TotalMinutes:N0} a minute; again, the same leads (no model time: replacing their scores, merging into their pending outbox rows) {second.TotalSeconds:0.00} s ({second.TotalMilliseconds / leads:0.00} ms a lead)"));
    }

    private static async Task<TimeSpan> TimedScoringAsync(BenchServer server, Guid workspace)
    {
        await using var scope = server.App.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentWorkspace>().Use(workspace);
        var clock = Stopwatch.StartNew();
        await scope.ServiceProvider.GetRequiredService<LeadScoring>().ScoreWorkspaceAsync(onlyUnscored: false, CancellationToken.None);
        return clock.Elapsed;
    }

    /// <summary>
    /// MiniLM on the same documents in both forms, alternately in batches of the server's size: as feature words (the
    /// form it read before) and as the plain words it reads now. Processor time, per document.
    /// </summary>
    private static void CompareTextForms(List<string> documents, TextWriter output)
    {
        var batches = documents.OrderBy(d => d.Length).Chunk(LeadEmbedder.BatchSize).ToList();
        var (featureTime, plainTime) = (TimeSpan.Zero, TimeSpan.Zero);
        var (featureCharacters, plainCharacters) = (0, 0);
        foreach (var batch in batches)
        {
            var plain = batch.Select(LeadDocument.PlainWords).ToArray();
            var started = Process.GetCurrentProcess().TotalProcessorTime;
            MiniLmEmbeddingGenerator.EncodeAsGiven(batch);
            var middle = Process.GetCurrentProcess().TotalProcessorTime;
            MiniLmEmbeddingGenerator.EncodeAsGiven(plain);
            (featureTime, plainTime) = (featureTime + (middle - started), plainTime + (Process.GetCurrentProcess().TotalProcessorTime - middle));
            (featureCharacters, plainCharacters) = (featureCharacters + batch.Sum(d => d.Length), plainCharacters + plain.Sum(d => d.Length));
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  MiniLM on the same {documents.Count:N0} documents, alternating batches: feature words {featureTime.TotalMilliseconds / documents.Count:0.00} ms a document of processor time ({featureCharacters / documents.Count} characters), plain words {plainTime.TotalMilliseconds / documents.Count:0.00} ms ({plainCharacters / documents.Count} characters)"));
    }

    // A warm-up query (the first), then each query timed on its own.
    private static List<double> Time(List<float[]> queries, Action<float[]> search)
    {
        search(queries[0]);
        var timings = new List<double>();
        foreach (var query in queries)
        {
            var started = Stopwatch.GetTimestamp();
            search(query);
            timings.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        return timings;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    private static double P90(List<double> values) => values.Order().ElementAt((int)(values.Count * 0.9));

    private static LeadFacts RandomLead(Random random) => new(
        random.Next(2) == 0 ? "Director of IT" : "Analyst", null, Industries[random.Next(Industries.Length)], random.Next(5, 20_000), random.Next(1, 2_000) * 1_000_000m,
        random.Next(2) == 0 ? "united states" : "germany", Tools.Where(_ => random.Next(3) == 0).ToList(), null, random.NextDouble() * 100, 0, 0);

    private static float[] RandomVector(Random random, int dimensions) => Enumerable.Range(0, dimensions).Select(_ => (float)((random.NextDouble() * 2) - 1)).ToArray();

    private static int? Option(string[] args, string name) =>
        Array.IndexOf(args, name) is var at && at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : null;
}
