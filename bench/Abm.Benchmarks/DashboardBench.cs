using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Abm.Data;
using Abm.Data.Entities;
using Abm.Server.Features.Users;
using Abm.Server.Features.Workspaces;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Abm.Benchmarks;

/// <summary>
/// The dashboard's first render as a user waits for it: the server as deployed (SQLite, or the database in
/// DATABASE_URL) seeded with 100,000 contacts over 5,000 accounts, an admin signed in through the form in headless
/// Chromium, then every page opened afresh (a new page load and server connection each time) and timed from the
/// navigation until the page shows its data. Prints p50 and p95 per page.
/// </summary>
internal static class DashboardBench
{
    private const string OperatorKey = "dashboard-bench-operator-key-0123456789";
    private const string Email = "bench-admin@vendor.example";
    private const string Password = "a long enough bench passphrase";
    private static readonly string[] Stages = ["problem_awareness", "solution_exploration", "vendor_evaluation", "decision_finalization", "post_purchase_expansion"];
    private static readonly string[] Industries = ["technology", "financial_services", "healthcare", "manufacturing", "retail"];
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static async Task RunAsync(string[] args, TextWriter output)
    {
        var contacts = Option(args, "--contacts", 100_000);
        var accounts = Option(args, "--accounts", 5_000);
        var samples = Option(args, "--samples", 20);
        await using var server = await BenchServer.StartAsync("dashboard", OperatorKey);
        var seeding = Stopwatch.StartNew();
        var (accountId, contactId) = await SeedAsync(server.App.Services, accounts, contacts);
        var sequenceId = await SequenceAsync(server.Address);
        output.WriteLine(string.Create(Invariant, $"Server on {server.Address} ({server.App.Services.GetRequiredService<DatabaseTarget>()}), {contacts:N0} contacts over {accounts:N0} accounts seeded in {seeding.Elapsed.TotalSeconds:F0} s, {Environment.ProcessorCount} cores; {samples} loads a page"));

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = "/usr/bin/chromium", Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 }, BaseURL = server.Address.ToString() });
        context.SetDefaultTimeout(120_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/signin");
        await page.GetByLabel("Email").FillAsync(Email);
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");

        // Each page, and what shows that its data is on screen.
        (string Path, string Ready)[] pages =
        [
            ("/", "[data-kpi=accounts]"),
            ("/accounts", "#accounts-total:text-matches('^[1-9][0-9,]* accounts match$')"),
            ($"/accounts/{accountId}", "[data-role]"),
            ("/contacts", "#contacts-total:text-matches('^[1-9][0-9,]* contacts match$')"),
            ($"/contacts/{contactId}", "[data-field=stage-source]"),
            ("/content", "#content-total:text-matches('^[1-9][0-9,]* items match$')"),
            ("/sync", "[data-field=connection-status]"),
            ("/leads", "tbody tr"),
            ("/nurture", "#sequences"),
            ($"/nurture/{sequenceId}", "#step-funnel"),
            ("/settings", "#half-life"),
        ];
        foreach (var (path, ready) in pages)
        {
            // One load first: the first visit compiles the page's components, which is not what a user waits for each time.
            await LoadAsync(page, path, ready);
            var times = new List<double>();
            for (var i = 0; i < samples; i++)
            {
                times.Add(await LoadAsync(page, path, ready));
            }

            times.Sort();
            var name = path.Replace(accountId.ToString(), "{id}", StringComparison.Ordinal).Replace(contactId.ToString(), "{id}", StringComparison.Ordinal)
                .Replace(sequenceId.ToString(), "{id}", StringComparison.Ordinal);
            output.WriteLine(string.Create(Invariant, $"{name,-16} p50 {Percentile(times, 0.50),6:F0} ms   p95 {Percentile(times, 0.95),6:F0} ms   (target p95 < 500 ms)"));
        }
    }

    private static async Task<double> LoadAsync(IPage page, string path, string ready)
    {
        var clock = Stopwatch.StartNew();
        await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.Commit });
        await page.Locator(ready).First.WaitForAsync();
        return clock.Elapsed.TotalMilliseconds;
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], Invariant) : fallback;
    }

    /// <summary>Accounts with scores, contacts spread over them with scores and stages, a few content items and the admin user.</summary>
    private static async Task<(Guid Account, Guid Contact)> SeedAsync(IServiceProvider services, int accounts, int contacts)
    {
        var workspace = services.GetRequiredService<DefaultWorkspace>().Id;
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        var companyIds = new List<Guid>(accounts);
        const int Chunk = 5_000;
        for (var start = 0; start < accounts; start += Chunk)
        {
            await using var scope = services.CreateAsyncScope();
            var database = scope.ServiceProvider.GetRequiredService<AbmDbContext>();
            database.ChangeTracker.AutoDetectChangesEnabled = false;
            foreach (var i in Enumerable.Range(start, Math.Min(Chunk, accounts - start)))
            {
                var company = new Company
                {
                    Id = Guid.CreateVersion7(), WorkspaceId = workspace, HubSpotId = (500_000 + i).ToString(Invariant), Name = $"Account {i:00000}", Domain = $"account{i}.example",
                    Industry = Industries[i % Industries.Length], AccountTier = $"tier_{(i % 3) + 1}", EngagementScore = (i * 37) % 101, EngagementVelocity = (i * 13 % 41) - 20,
                    CreatedAt = now, UpdatedAt = now,
                };
                companyIds.Add(company.Id);
                database.Companies.Add(company);
                database.AccountScores.Add(new AccountScore
                {
                    Id = Guid.CreateVersion7(), WorkspaceId = workspace, CompanyId = company.Id, Score = company.EngagementScore, Velocity = company.EngagementVelocity,
                    StakeholderCoverage = (i * 29) % 101, DominantStage = Stages[i % Stages.Length], ContactCount = contacts / Math.Max(1, accounts), ComputedAt = now,
                });
            }

            await database.SaveChangesAsync();
        }

        await SeedHistoryAsync(services, workspace, companyIds, now.Date);
        var firstContact = Guid.Empty;
        for (var start = 0; start < contacts; start += Chunk)
        {
            await using var scope = services.CreateAsyncScope();
            var database = scope.ServiceProvider.GetRequiredService<AbmDbContext>();
            database.ChangeTracker.AutoDetectChangesEnabled = false;
            foreach (var i in Enumerable.Range(start, Math.Min(Chunk, contacts - start)))
            {
                var contact = new Contact
                {
                    Id = Guid.CreateVersion7(), WorkspaceId = workspace, HubSpotId = (1_000_000 + i).ToString(Invariant), Email = $"buyer{i}@account{i % accounts}.example",
                    FirstName = "Buyer", LastName = i.ToString("000000", Invariant), CompanyId = companyIds[i % accounts], JourneyStage = Stages[i % Stages.Length],
                    EngagementScore = (i * 17) % 101, BuyingRole = (i % 4) switch { 0 => "CHAMPION", 1 => "DECISION_MAKER", _ => null },
                };
                firstContact = firstContact == Guid.Empty ? contact.Id : firstContact;
                database.Contacts.Add(contact);
            }

            await database.SaveChangesAsync();
        }

        await using (var scope = services.CreateAsyncScope())
        {
            var (user, problems) = await scope.ServiceProvider.GetRequiredService<DashboardUsers>().AddAsync(Email, "admin", workspace, Password);
            _ = user ?? throw new InvalidOperationException(string.Join("; ", problems));
        }

        return (companyIds[0], firstContact);
    }

    /// <summary>
    /// Ninety days of daily history, as three months of recomputes leave it: one row per account per day (what an
    /// account page's trend reads a key range of) and one per workspace per day (the overview's trends).
    /// </summary>
    private static async Task SeedHistoryAsync(IServiceProvider services, Guid workspace, List<Guid> companyIds, DateTime today)
    {
        const int Days = 90;
        const int AccountsPerSave = 500;
        for (var start = 0; start < companyIds.Count; start += AccountsPerSave)
        {
            await using var scope = services.CreateAsyncScope();
            var database = scope.ServiceProvider.GetRequiredService<AbmDbContext>();
            database.ChangeTracker.AutoDetectChangesEnabled = false;
            foreach (var (companyId, i) in companyIds.Skip(start).Take(AccountsPerSave).Select((id, offset) => (id, start + offset)))
            {
                for (var day = 0; day < Days; day++)
                {
                    database.AccountScoreDays.Add(new AccountScoreDay
                    {
                        WorkspaceId = workspace, CompanyId = companyId, Day = today.AddDays(-day), Score = (i * 37 + day) % 101, StakeholderCoverage = (i * 29) % 101,
                    });
                }
            }

            await database.SaveChangesAsync();
        }

        await using var final = services.CreateAsyncScope();
        var context = final.ServiceProvider.GetRequiredService<AbmDbContext>();
        for (var day = 0; day < Days; day++)
        {
            var hot = companyIds.Count * 3 / 10;
            context.WorkspaceScoreDays.Add(new WorkspaceScoreDay
            {
                WorkspaceId = workspace, Day = today.AddDays(-day), Accounts = companyIds.Count, AverageEngagement = 50 - (day % 7), HotAccounts = hot,
                EngagedAccounts = hot, WarmingAccounts = companyIds.Count / 5, ColdAccounts = companyIds.Count - (2 * hot) - (companyIds.Count / 5),
                AverageStakeholderCoverage = 50, ContentReached = 1_000, ContentMeetings = 40 + day,
            });
        }

        await context.SaveChangesAsync();
    }

    /// <summary>A few content items and one active nurture sequence, through the API.</summary>
    private static async Task<Guid> SequenceAsync(Uri address)
    {
        using var client = new HttpClient { BaseAddress = address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", OperatorKey);
        foreach (var (title, type) in new[] { ("Evaluation checklist", "whitepaper"), ("Pricing guide", "case_study"), ("Security overview", "datasheet") })
        {
            (await client.PostAsJsonAsync("/api/content", new { title, contentType = type })).EnsureSuccessStatusCode();
        }

        var created = await client.PostAsync("/api/nurture/templates/awareness_to_evaluation", null);
        created.EnsureSuccessStatusCode();
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await client.PostAsync($"/api/nurture/sequences/{id}/activate", null)).EnsureSuccessStatusCode();
        return id;
    }
}
