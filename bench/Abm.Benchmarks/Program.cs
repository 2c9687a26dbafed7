using Abm.Benchmarks;
using BenchmarkDotNet.Running;

// "sandbox" measures the HubSpot sandbox's list/get/search latency at 100,000 contacts.
// "sync" measures a full sync, the official Node client's getAll and a 10,000-update write-back at the rate limit.
// "pipeline" runs the server and measures event ingest and event-to-score latency over HTTP.
// "webhooks" posts signed webhook batches at 1,000 and 20,000 events/s to the server and measures intake latency.
// "webhooks-drain" streams 1,000 events/s about 3,000 sandbox contacts and reports the worker's backlog and drain.
// "quality" judges the recommender on the sandbox's simulated buyers (NDCG@5, hit-rate@5 against popularity and
// random; their hidden interests are the truth), after feeding the server through import, sync and the event sink;
// "quality --accounts 30 --days 5" runs a smaller market.
// "lead-fit" scores every contact of a seeded sandbox portal (300 accounts; "--accounts N") with the deterministic
// lead scorer and prints the AUC against the sandbox's hidden account fit (top third positives), then, after 90
// simulated days ("--days N"), against the accounts that closed a deal won; "--llm anthropic"
// (or "openai") also scores them through the model path against a fake provider that answers from the prompt.
// "lead-throughput" times lead scoring (document, embedding, top-5, scorer) over 10,000 leads ("--leads N") and the
// similarity top-5 over 100,000 examples of 384 dimensions ("--examples N").
// "nurture-conversion" runs the same nurture sequence for 30 simulated days on three random groups of the sandbox's
// buyers, sending ABM's recommendation, the most popular item or a random item, and prints content-to-meeting
// conversion with 95% intervals; "nurture-conversion --accounts 30 --nurture-days 14" is smaller.
// "nurture-throughput" runs 100,000 due task enrolments through the nurture worker at the Professional rate limit
// (actions/s as a share of the ceiling, p95 due to executed), after 20 kill -9 trials of "abm nurture run --once"
// mid-batch counted in the sandbox; "--enrolments 2000 --kill-trials 3" is smaller.
// "dashboard" seeds 100,000 contacts over 5,000 accounts ("--contacts N --accounts N") with 90 days of score history,
// signs in in headless Chromium
// and prints p50/p95 of each page's first render ("--samples N" loads a page, 20 by default).
// "weight-fit" seeds 100,000 contacts ("--contacts N") with about 8 content events each ("--events N") and times a
// fit of the recommender's weights through the API for samples of 2,000, 10,000 and 20,000 contacts ("--samples a,b").
// "export" times GET /api/contacts/{id}/export (JSON and ZIP) of a contact with 1,000,000 events and one with 100,000
// on SQLite ("--events N"), and prints the process's peak managed-heap and working-set growth during each export.
// "analytics" times the analytics routes over 100,000 contacts, 5,000 deals and 300,000 email events ("--contacts N --events N").
// "imports" times a one-row content import into an empty library and into one of 20,000 items.
// "quick" times both scoring paths and the recommender in one Stopwatch run (ratios from the same machine
// state); anything else goes to BenchmarkDotNet's switcher (e.g. --filter '*').
if (args is ["quick", ..])
{
    QuickBench.Run(Console.Out);
}
else if (args is ["sandbox", ..])
{
    await SandboxScaleBench.RunAsync(Console.Out);
}
else if (args is ["sync", ..])
{
    await SyncBench.RunAsync(Console.Out);
}
else if (args is ["pipeline", ..])
{
    await PipelineBench.RunAsync(Console.Out);
}
else if (args is ["webhooks-drain", ..])
{
    await WebhookDrainBench.RunAsync(Console.Out);
}
else if (args is ["webhooks", ..])
{
    await WebhookIntakeBench.RunAsync(Console.Out);
}
else if (args is ["dashboard", ..])
{
    await DashboardBench.RunAsync(args, Console.Out);
}
else if (args is ["analytics", ..])
{
    await AnalyticsBench.RunAsync(args, Console.Out);
}
else if (args is ["export", ..])
{
    await ContactExportBench.RunAsync(args, Console.Out);
}
else if (args is ["imports", ..])
{
    await ContentImportBench.RunAsync(Console.Out);
}
else if (args is ["lead-fit", ..])
{
    await LeadFitBench.RunAsync(args, Console.Out);
}
else if (args is ["lead-throughput", ..])
{
    await LeadThroughputBench.RunAsync(args, Console.Out);
}
else if (args is ["nurture-conversion", ..])
{
    await NurtureConversionBench.RunAsync(args, Console.Out);
}
else if (args is ["nurture-throughput", ..])
{
    await NurtureThroughputBench.RunAsync(args, Console.Out);
}
else if (args is ["weight-fit", ..])
{
    await WeightFitBench.RunAsync(args, Console.Out);
}
else if (args is ["quality", ..])
{
    await QualityBench.RunAsync(args, Console.Out);
}
else
{
    BenchmarkSwitcher.FromAssembly(typeof(QuickBench).Assembly).Run(args);
}
