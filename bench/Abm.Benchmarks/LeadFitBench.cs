extern alias sandbox;

using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Abm.Data.Entities;
using Abm.Engines.Accounts;
using Abm.Engines.Leads;
using Abm.Server.Features.Leads;
using Abm.Server.Features.Observability;
using Abm.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using sandbox::Abm.HubSpot.Sandbox.Hosting;

namespace Abm.Benchmarks;

/// <summary>
/// Lead-fit quality of the deterministic scorer alone: a seeded sandbox portal (300 accounts by default, seed 42),
/// every contact scored from its company's firmographics as the server reads them (industry vertical, employees,
/// revenue, country, web_technologies, through the server's own company-facts mapping) against the profile below,
/// with the closed-won companies of the portal as ideal-client examples for similarity (embedded by the server's
/// embedder: the local MiniLM model by default, or <c>--embedder hashed</c>). The AUC of the score
/// against the sandbox's hidden account fit (the top third of accounts are the positives) is printed. With
/// <c>--llm anthropic</c> (or <c>openai</c>) every contact is also scored through the model path (the prompt, the real
/// SDK, the reasoner's retries and answer contract) against a fake provider on loopback that answers from the prompt
/// alone (<see cref="PromptAnsweringModel"/>), and that path's AUC, latency, tokens and estimated cost are printed.
/// Then the sandbox's buyers live 90 simulated days (<c>--days N</c>, 0 skips it) and the same scores, made on day 0,
/// are judged against what happened: the accounts that closed a deal won in those days are the positives, among the
/// accounts that had none won at the start.
/// </summary>
internal static class LeadFitBench
{
    /// <summary>The ideal-client profile a marketer of the sandbox's product would write down.</summary>
    public static readonly IdealClientCriteria Profile = new(
        ["technology", "financial_services"], new ValueRange(200, 5000), ValueRange.Any, [], ["hubspot", "salesforce", "snowflake", "aws", "slack"], ValueRange.Any);

    // args: optional "--accounts N", "--seed N", "--days N" (default 90), "--llm anthropic|openai" and "--embedder minilm|hashed" (default minilm, the server's).
    public static async Task RunAsync(string[] args, TextWriter output)
    {
        var embedderName = Array.IndexOf(args, "--embedder") is var named && named >= 0 && named + 1 < args.Length ? args[named + 1] : "minilm";
        var accounts = Option(args, "--accounts") ?? 300;
        var seed = Option(args, "--seed") ?? 42;
        var days = Option(args, "--days") ?? 90;
        // The buyers stay still (the clock stands) until the scores are made; then they live the simulated days.
        await using var sandbox = await SandboxHost.StartAsync(new SandboxOptions
        {
            Seed = seed, ClockSpeed = 0, SimulateBehaviour = days > 0, Portals = [new SandboxPortalOptions { Accounts = accounts, Seed = seed }],
        });
        using var api = new HttpClient { BaseAddress = new Uri(sandbox.BaseUrl), Timeout = TimeSpan.FromMinutes(5) };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", sandbox.Portals[0].AccessToken);

        var companies = (await ReadAllAsync(api, "companies", "industry,numberofemployees,annualrevenue,country,web_technologies"))
            .ToDictionary(c => c.GetProperty("id").GetString()!, CompanyOf, StringComparer.Ordinal);
        var contacts = await ReadAllAsync(api, "contacts", "jobtitle", "companies");
        var deals = await ReadAllAsync(api, "deals", "dealstage,amount", "companies");
        var truth = await api.GetFromJsonAsync<JsonElement>($"/_sandbox/portals/{sandbox.Portals[0].PortalId}/market/truth");
        var fit = truth.GetProperty("accounts").EnumerateArray().ToDictionary(a => a.GetProperty("companyId").GetString()!, a => a.GetProperty("fit").GetDouble(), StringComparer.Ordinal);
        var cut = fit.Values.OrderDescending().ElementAt(fit.Count / 3);

        var wonCompanies = deals.Where(d => Property(d, "dealstage") == "closedwon").SelectMany(AssociatedCompanies).Distinct().Where(companies.ContainsKey).ToList();
        var embedder = new LeadEmbedder(LeadEmbeddingModel.Local(embedderName));
        var exampleVectors = await embedder.EmbedAsync(
            wonCompanies.Select(id => LeadDocument.Of(LeadFactsLoader.CompanyFacts(companies[id]))).Append(LeadDocument.Of(Profile)).ToList(), CancellationToken.None);
        var index = new SimilarityIndex(
            exampleVectors.Select((v, i) => new ExampleVector(i < wonCompanies.Count ? wonCompanies[i] : "profile", v, SimilarityIndex.IdealClientType, true)), embedder.Dimensions);

        var subjects = new List<(LeadFacts Facts, bool Positive)>();
        var subjectCompanies = new List<string>();
        foreach (var contact in contacts)
        {
            var companyId = AssociatedCompanies(contact).FirstOrDefault(companies.ContainsKey);
            if (companyId is not null && fit.TryGetValue(companyId, out var accountFit))
            {
                subjects.Add((LeadFactsLoader.CompanyFacts(companies[companyId]) with { JobTitle = Property(contact, "jobtitle") }, accountFit >= cut));
                subjectCompanies.Add(companyId);
            }
        }

        var embedding = Stopwatch.StartNew();
        var vectors = await embedder.EmbedAsync(subjects.Select(s => LeadDocument.Of(s.Facts)).ToList(), CancellationToken.None);
        embedding.Stop();
        var leads = new List<(LeadFacts Facts, bool Positive, List<PromptExample> Similar)>();
        var withoutSimilarity = new List<(double Score, bool Positive)>();
        var withSimilarity = new List<(double Score, bool Positive)>();
        for (var i = 0; i < subjects.Count; i++)
        {
            var (facts, positive) = subjects[i];
            var hits = index.TopK(vectors[i], LeadScoring.SimilarCount);
            var similar = hits.Select(s => s.Similarity).ToList();
            leads.Add((facts, positive, hits.Select(h => h.Id == "profile" ? new PromptExample("Core profile", "profile", h.Similarity)
                : new PromptExample($"Company {h.Id}", "closed_won", h.Similarity)).ToList()));
            withSimilarity.Add((FallbackLeadScorer.Score(facts, [Profile], similar).Score, positive));
            withoutSimilarity.Add((FallbackLeadScorer.Score(facts, [Profile], []).Score, positive));
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"embedding model {embedder.Model} ({embedder.Dimensions} dims): {subjects.Count:N0} lead documents in {embedding.Elapsed.TotalSeconds:0.00} s ({embedding.Elapsed.TotalMilliseconds / Math.Max(1, subjects.Count):0.00} ms each, batches of {LeadEmbedder.BatchSize})"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Sandbox portal of {companies.Count} accounts (seed {seed}), {withSimilarity.Count} contacts with an account; positives: accounts of hidden fit >= {cut:0.000} (top third), {withSimilarity.Count(s => s.Positive)} contacts; {wonCompanies.Count} closed-won companies as ideal-client examples"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"fallback scorer, criteria + similarity: AUC {Auc(withSimilarity):0.000}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"fallback scorer, criteria only:        AUC {Auc(withoutSimilarity):0.000}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"fit levels: High {withSimilarity.Count(s => s.Score >= FitBands.High)}, Medium {withSimilarity.Count(s => s.Score is >= FitBands.Medium and < FitBands.High)}, Low {withSimilarity.Count(s => s.Score < FitBands.Medium)}"));
        if (Array.IndexOf(args, "--llm") is var at && at >= 0 && at + 1 < args.Length)
        {
            await RunModelPathAsync(args[at + 1], leads, output);
        }

        if (days > 0)
        {
            var scores = withSimilarity.Select(s => s.Score).ToList();
            var criteriaOnly = withoutSimilarity.Select(s => s.Score).ToList();
            await JudgeAgainstClosedWonAsync(api, sandbox.Portals[0].PortalId, days, subjectCompanies, scores, criteriaOnly, fit, wonCompanies.ToHashSet(StringComparer.Ordinal), output);
        }
    }

    /// <summary>
    /// The buyers live <paramref name="days"/> simulated days (a few at a time); then the day-0 scores of the contacts of
    /// accounts with no deal won at the start are judged against which of those accounts closed one won since.
    /// </summary>
    private static async Task JudgeAgainstClosedWonAsync(HttpClient api, long portalId, int days, List<string> subjectCompanies, List<double> scores,
        List<double> criteriaOnly, Dictionary<string, double> fit, HashSet<string> wonAtStart, TextWriter output)
    {
        var simulation = Stopwatch.StartNew();
        for (var done = 0; done < days; done += 10)
        {
            using var advanced = await api.PostAsJsonAsync("/_sandbox/behaviour/advance", new { days = Math.Min(10, days - done) });
            advanced.EnsureSuccessStatusCode();
        }

        simulation.Stop();
        var truth = await api.GetFromJsonAsync<JsonElement>($"/_sandbox/portals/{portalId}/market/truth");
        var outcomes = truth.GetProperty("accounts").EnumerateArray()
            .ToDictionary(a => a.GetProperty("companyId").GetString()!, a => a.GetProperty("outcome").GetString(), StringComparer.Ordinal);
        var prospects = Enumerable.Range(0, subjectCompanies.Count).Where(i => !wonAtStart.Contains(subjectCompanies[i])).ToList();
        bool Won(int i) => outcomes.GetValueOrDefault(subjectCompanies[i]) == "won";
        var wonAccounts = prospects.Select(i => subjectCompanies[i]).Distinct().Count(id => outcomes.GetValueOrDefault(id) == "won");
        var accountsJudged = prospects.Select(i => subjectCompanies[i]).Distinct().Count();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"after {days} simulated days ({simulation.Elapsed.TotalSeconds:0.0} s to simulate): {wonAccounts} of {accountsJudged} accounts with no deal won at the start closed one won; {prospects.Count:N0} of their contacts judged, {prospects.Count(Won):N0} positive"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"against closed-won deals: fallback scorer, criteria + similarity AUC {Auc(prospects.Select(i => (scores[i], Won(i))).ToList()):0.000}; criteria only AUC {Auc(prospects.Select(i => (criteriaOnly[i], Won(i))).ToList()):0.000}; the hidden account fit itself (the best a fit score can know) AUC {Auc(prospects.Select(i => (fit[subjectCompanies[i]], Won(i))).ToList()):0.000}"));
    }

    /// <summary>Every lead through the model path, a few at a time as the server does, against a fake provider that answers from the prompt.</summary>
    private static async Task RunModelPathAsync(string provider, List<(LeadFacts Facts, bool Positive, List<PromptExample> Similar)> leads, TextWriter output)
    {
        await using var fake = await FakeLlmProvider.StartAsync(PromptAnsweringModel.Answer);
        var settings = new LeadLlmOptions { Provider = provider, BaseUrl = provider == LeadLanguageModel.Anthropic ? fake.AnthropicBaseUrl : fake.OpenAIBaseUrl };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [provider == LeadLanguageModel.Anthropic ? "CLAUDE_API_KEY" : "OPENAI_API_KEY"] = "bench-key",
        }).Build();
        await using var services = new ServiceCollection().AddHttpClient().AddMetrics().BuildServiceProvider();
        using var model = new LeadLanguageModel(Options.Create(settings), configuration, services.GetRequiredService<IHttpClientFactory>());
        var metrics = new AbmMetrics(services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>());
        var reasoner = new LeadReasoner(model, Options.Create(settings), metrics, TimeProvider.System, NullLogger<LeadReasoner>.Instance);
        List<PromptCriteriaSet> profile = [new("Core profile", Profile)];
        var results = new (int Score, bool Positive, LeadReasoning Reasoning)[leads.Count];
        var started = Stopwatch.GetTimestamp();
        await Parallel.ForEachAsync(Enumerable.Range(0, leads.Count), new ParallelOptions { MaxDegreeOfParallelism = settings.MaxConcurrentCalls }, async (i, token) =>
        {
            var (facts, positive, similar) = leads[i];
            var reasoning = await reasoner.ReasonAsync(LeadPrompt.User(facts, LeadDocument.Of(facts), similar, profile), token);
            var score = reasoning.Answer?.Score ?? FallbackLeadScorer.Score(facts, [Profile], similar.Select(s => s.Similarity).ToList()).Score;
            results[i] = (score, positive, reasoning);
        });
        var elapsed = Stopwatch.GetElapsedTime(started);
        var calls = results.SelectMany(r => r.Reasoning.Calls).ToList();
        var latencies = calls.Select(c => c.LatencyMs).Order().ToList();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"model path ({provider} SDK, {model.Model}, fake provider answering from the prompt): AUC {Auc(results.Select(r => ((double)r.Score, r.Positive)).ToList()):0.000}; " +
            $"{results.Count(r => r.Reasoning.Answer is not null)} answered by the model, {results.Count(r => r.Reasoning.Answer is null)} by the fallback"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"model path: {calls.Count} requests, latency mean {latencies.Average():0.0} ms, p95 {latencies[(int)(0.95 * (latencies.Count - 1))]} ms; " +
            $"{leads.Count / elapsed.TotalSeconds:0.0} leads/s at {settings.MaxConcurrentCalls} at once"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"model path: tokens per lead {(double)calls.Sum(c => c.InputTokens) / leads.Count:0} in, {(double)calls.Sum(c => c.OutputTokens) / leads.Count:0} out; estimated cost " +
            $"${PromptAnsweringModel.Usd(calls.Sum(c => c.CostUsd))} for {leads.Count} leads (${PromptAnsweringModel.Usd(calls.Sum(c => c.CostUsd) / leads.Count * 1000)} per 1,000) at {model.Model}'s list price"));
    }

    /// <summary>Area under the ROC curve: the chance a random positive outscores a random negative (ties count half).</summary>
    public static double Auc(IReadOnlyList<(double Score, bool Positive)> scored)
    {
        var ranked = scored.OrderBy(s => s.Score).ToList();
        double rankSumPositives = 0;
        for (var i = 0; i < ranked.Count;)
        {
            var j = i;
            while (j < ranked.Count && ranked[j].Score == ranked[i].Score)
            {
                j++;
            }

            var averageRank = (i + 1 + j) / 2.0; // ranks i+1..j share their mean
            rankSumPositives += averageRank * ranked.Skip(i).Take(j - i).Count(s => s.Positive);
            i = j;
        }

        double positives = ranked.Count(s => s.Positive), negatives = ranked.Count - positives;
        return (rankSumPositives - (positives * (positives + 1) / 2)) / (positives * negatives);
    }

    private static Company CompanyOf(JsonElement record) => new()
    {
        HubSpotId = record.GetProperty("id").GetString()!,
        Industry = IndustryVerticals.FromHubSpotIndustry(Property(record, "industry")),
        EmployeeCount = int.TryParse(Property(record, "numberofemployees"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var employees) ? employees : null,
        AnnualRevenue = decimal.TryParse(Property(record, "annualrevenue"), NumberStyles.Float, CultureInfo.InvariantCulture, out var revenue) ? revenue : null,
        Properties = record.GetProperty("properties").GetRawText(),
    };

    private static string? Property(JsonElement record, string name) =>
        record.GetProperty("properties").TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static IEnumerable<string> AssociatedCompanies(JsonElement record) =>
        record.TryGetProperty("associations", out var associations) && associations.TryGetProperty("companies", out var companies)
            ? companies.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("id").GetString()!)
            : [];

    private static async Task<List<JsonElement>> ReadAllAsync(HttpClient api, string type, string properties, string? associations = null)
    {
        var records = new List<JsonElement>();
        string? after = null;
        do
        {
            var page = await api.GetFromJsonAsync<JsonElement>(
                $"/crm/v3/objects/{type}?limit=100&properties={properties}{(associations is null ? "" : $"&associations={associations}")}{(after is null ? "" : $"&after={after}")}");
            records.AddRange(page.GetProperty("results").EnumerateArray().Select(r => r.Clone()));
            after = page.TryGetProperty("paging", out var paging) ? paging.GetProperty("next").GetProperty("after").GetString() : null;
        }
        while (after is not null);
        return records;
    }

    private static int? Option(string[] args, string name) =>
        Array.IndexOf(args, name) is var at && at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : null;
}
