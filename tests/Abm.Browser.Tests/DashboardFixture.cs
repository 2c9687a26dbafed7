extern alias sandbox;

using System.Net.Http.Headers;
using System.Net.Http.Json;
using Abm.Data.Entities;
using Abm.Server.Features.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using sandbox::Abm.HubSpot.Sandbox.Hosting;

namespace Abm.Browser.Tests;

/// <summary>
/// One server with a seeded workspace and one headless Chromium for the whole class; each test opens its own
/// browser context (its own cookies), so no test depends on another.
/// </summary>
public sealed class DashboardFixture : IAsyncLifetime
{
    public const string Password = "a long enough passphrase";
    public const string Email = "marketer@vendor.example";
    public const string AdminEmail = "admin@vendor.example";

    /// <summary>The admin of a second workspace, empty until its page connects it to the sandbox portal and syncs.</summary>
    public const string SyncAdminEmail = "admin@sync.example";

    /// <summary>A marketer and a viewer of a third workspace, connected to the sandbox's second portal and synced: the HubSpot pages' data.</summary>
    public const string HubSpotMarketerEmail = "marketer@hubspot-ops.example";
    public const string HubSpotViewerEmail = "viewer@hubspot-ops.example";

    public static readonly string[] Industries = ["technology", "financial_services", "healthcare", "manufacturing", "retail"];
    public static readonly string[] Stages = ["problem_awareness", "solution_exploration", "vendor_evaluation", "decision_finalization", "post_purchase_expansion"];

    private IPlaywright? _playwright;

    public DashboardServer Server { get; private set; } = null!;

    /// <summary>A HubSpot portal of a few accounts, buyers still: what the sync page syncs from.</summary>
    public SandboxHost Sandbox { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The operator key, acting on the default workspace, over real HTTP: what the API answers.</summary>
    public HttpClient Api { get; private set; } = null!;

    public IReadOnlyList<Company> Accounts { get; private set; } = [];

    public IReadOnlyList<Contact> Contacts { get; private set; } = [];

    /// <summary>The operator key acting on the workspace connected to the sandbox's second portal.</summary>
    public HttpClient HubSpotApi { get; private set; } = null!;

    public static string ScreenshotFolder { get; } = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;

    public async Task InitializeAsync()
    {
        Sandbox = await SandboxHost.StartAsync(new SandboxOptions { Seed = 21, SimulateBehaviour = false, Portals = [new SandboxPortalOptions { Accounts = 4 }, new SandboxPortalOptions { Accounts = 3 }] });
        Server = await DashboardServer.StartAsync(Sandbox.BaseUrl);
        Api = new HttpClient { BaseAddress = Server.Address };
        Api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", DashboardServer.OperatorKey);
        await SeedAsync();
        await ConnectHubSpotWorkspaceAsync();
        (await Api.PostAsJsonAsync("/api/content", new { title = "Evaluation checklist", contentType = "whitepaper", url = "https://vendor.example/checklist" }))
            .EnsureSuccessStatusCode();
        (await Api.PostAsJsonAsync("/api/content", new { title = "Pricing guide", contentType = "case_study" })).EnsureSuccessStatusCode();
        (await Api.PostAsJsonAsync("/api/content", new { title = "Security overview", contentType = "datasheet" })).EnsureSuccessStatusCode();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        Api?.Dispose();
        HubSpotApi?.Dispose();
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }

        if (Sandbox is not null)
        {
            await Sandbox.DisposeAsync();
        }
    }

    /// <summary>A fresh context at the given width, signed in through the sign-in form (as the marketer, or as <paramref name="email"/>).</summary>
    public async Task<IPage> SignedInPageAsync(int width = 1280, int height = 900, string email = Email, string password = Password)
    {
        var context = await Browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = height }, BaseURL = Server.Address.ToString(), AcceptDownloads = true });
        // The first pages of a run compile the components and warm the circuit; on a loaded machine that alone can
        // take longer than Playwright's 30 s default, which would fail a test for the machine's sake, not the page's.
        context.SetDefaultTimeout(90_000);
        context.SetDefaultNavigationTimeout(90_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/signin");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        return page;
    }

    /// <summary>A workspace connected to the sandbox's second portal through the API, fully synced, with a marketer and a viewer.</summary>
    private async Task ConnectHubSpotWorkspaceAsync()
    {
        var created = await Api.PostAsJsonAsync("/api/workspaces", new { name = "HubSpot operations" });
        created.EnsureSuccessStatusCode();
        var workspace = (await created.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetGuid();
        HubSpotApi = new HttpClient { BaseAddress = Server.Address };
        HubSpotApi.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", DashboardServer.OperatorKey);
        HubSpotApi.DefaultRequestHeaders.Add("X-Workspace-Id", workspace.ToString());
        var portal = Sandbox.Portals[1];
        (await HubSpotApi.PostAsJsonAsync("/api/connections", new { accessToken = portal.AccessToken, portalId = portal.PortalId.ToString(System.Globalization.CultureInfo.InvariantCulture) }))
            .EnsureSuccessStatusCode();
        var started = await HubSpotApi.PostAsJsonAsync("/api/sync", new Dictionary<string, object?> { ["sync_type"] = "full" });
        started.EnsureSuccessStatusCode();
        var run = (await started.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetGuid();
        var deadline = TimeProvider.System.GetUtcNow().AddMinutes(3);
        string? status;
        while ((status = (await HubSpotApi.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/sync/runs/{run}")).GetProperty("status").GetString()) is "queued" or "running")
        {
            TimeProvider.System.GetUtcNow().ShouldBeLessThan(deadline, "the HubSpot workspace's full sync did not finish in time");
            await Task.Delay(500);
        }

        status.ShouldBe("succeeded");
        await using var scope = Server.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<DashboardUsers>();
        foreach (var (email, role) in new[] { (HubSpotMarketerEmail, "marketer"), (HubSpotViewerEmail, "viewer") })
        {
            var (user, problems) = await users.AddAsync(email, role, workspace, Password);
            user.ShouldNotBeNull(string.Join("; ", problems));
        }
    }

    /// <summary>Thirty accounts over five industries and stages, two owners, and 2..4 contacts each in assorted stages.</summary>
    private async Task SeedAsync()
    {
        await using var database = Server.OpenDatabase();
        var workspace = await database.Workspaces.SingleAsync(w => w.IsDefault);
        database.Owners.AddRange(
            new Owner { Id = Guid.NewGuid(), WorkspaceId = workspace.Id, HubSpotId = "901", FirstName = "Grace", LastName = "Hopper", Email = "grace@vendor.example" },
            new Owner { Id = Guid.NewGuid(), WorkspaceId = workspace.Id, HubSpotId = "902", FirstName = "Alan", LastName = "Turing", Email = "alan@vendor.example" });
        var accounts = new List<Company>();
        var contacts = new List<Contact>();
        for (var i = 0; i < 30; i++)
        {
            var company = new Company
            {
                Id = Guid.NewGuid(), WorkspaceId = workspace.Id, HubSpotId = $"{5000 + i}", Name = $"Account {i:00} Corp", Domain = $"account{i:00}.example",
                Industry = Industries[i % 5], AccountTier = $"tier_{(i % 3) + 1}", OwnerHubSpotId = i % 2 == 0 ? "901" : "902",
                EngagementScore = (i * 37) % 101, EngagementVelocity = (i * 13 % 41) - 20,
            };
            accounts.Add(company);
            database.Companies.Add(company);
            var members = 2 + (i % 3);
            database.AccountScores.Add(new AccountScore
            {
                Id = Guid.NewGuid(), WorkspaceId = workspace.Id, CompanyId = company.Id, Score = company.EngagementScore, Velocity = company.EngagementVelocity,
                StakeholderCoverage = (i * 29) % 101, DominantStage = Stages[i % 5], ContactCount = members, ComputedAt = new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc),
            });
            for (var m = 0; m < members; m++)
            {
                var contact = new Contact
                {
                    Id = Guid.NewGuid(), WorkspaceId = workspace.Id, HubSpotId = $"{7000 + contacts.Count}", Email = $"buyer{contacts.Count}@account{i:00}.example",
                    FirstName = "Buyer", LastName = $"{contacts.Count:000}", CompanyId = company.Id, JourneyStage = Stages[(i + m) % 5], EngagementScore = (contacts.Count * 17) % 101,
                    BuyingRole = m switch { 0 => "CHAMPION", 1 => "DECISION_MAKER", _ => null },
                };
                contacts.Add(contact);
                database.Contacts.Add(contact);
            }
        }

        // One thing each contact of the second account did yesterday, for its page's timeline and activity chart.
        var yesterday = TimeProvider.System.GetUtcNow().UtcDateTime.AddDays(-1);
        foreach (var member in contacts.Where(c => c.CompanyId == accounts[1].Id))
        {
            database.EngagementEvents.Add(new EngagementEvent
            {
                WorkspaceId = workspace.Id, Id = Guid.NewGuid(), ContactId = member.Id, EventType = "webinar_attendance", OccurredAt = yesterday, Source = "api", CreatedAt = yesterday,
            });
        }

        // Three days of history, as past recomputes would have left it: one beyond the 30-day view, two within it.
        var today = TimeProvider.System.GetUtcNow().UtcDateTime.Date;
        foreach (var (daysAgo, hot) in new[] { (40, 3), (7, 5), (1, 8) })
        {
            database.WorkspaceScoreDays.Add(new WorkspaceScoreDay
            {
                WorkspaceId = workspace.Id, Day = today.AddDays(-daysAgo), Accounts = 30, AverageEngagement = 30 + hot, HotAccounts = hot, EngagedAccounts = 10,
                WarmingAccounts = 7, ColdAccounts = 13 - hot, AverageStakeholderCoverage = 40, ContentReached = 20, ContentMeetings = hot,
            });
            database.AccountScoreDays.Add(new AccountScoreDay { WorkspaceId = workspace.Id, CompanyId = accounts[1].Id, Day = today.AddDays(-daysAgo), Score = 20 + hot, StakeholderCoverage = 50 });
        }

        await database.SaveChangesAsync();
        (Accounts, Contacts) = (accounts, contacts);

        await using var scope = Server.Services.CreateAsyncScope();
        var (user, problems) = await scope.ServiceProvider.GetRequiredService<DashboardUsers>().AddAsync(Email, "marketer", workspace.Id, Password);
        user.ShouldNotBeNull(string.Join("; ", problems));
        var (admin, adminProblems) = await scope.ServiceProvider.GetRequiredService<DashboardUsers>().AddAsync(AdminEmail, "admin", workspace.Id, Password);
        admin.ShouldNotBeNull(string.Join("; ", adminProblems));

        var created = await Api.PostAsJsonAsync("/api/workspaces", new { name = "Sync trial" });
        created.EnsureSuccessStatusCode();
        var syncWorkspace = (await created.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetGuid();
        (user, problems) = await scope.ServiceProvider.GetRequiredService<DashboardUsers>().AddAsync(SyncAdminEmail, "admin", syncWorkspace, Password);
        user.ShouldNotBeNull(string.Join("; ", problems));
    }
}
