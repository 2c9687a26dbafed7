using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Abm.Server.Tests.Demo;

/// <summary>
/// The real <c>abm</c> executable in an empty folder with no configuration, as a new user starts it: the demo connects
/// itself to the built-in sandbox and serves scored contacts, explained recommendations and live buyer events over
/// HTTP with the key it prints; a restart resumes the same state. Every wait is a poll with a deadline.
/// </summary>
public sealed partial class DemoExecutableTests : IDisposable
{
    /// <summary>From start to a ready demo (100 accounts, 30 simulated days, a full sync, scoring) on a busy two-core machine.</summary>
    private static readonly TimeSpan ReadyDeadline = TimeSpan.FromMinutes(3);

    private const string DemoNote = "simulated buyers, not from a real portal";

    private readonly string _workingDirectory = Directory.CreateTempSubdirectory("abm-demo-").FullName;

    // No configuration at all; only the pace of the catch-up is raised (the 3 catch-up hours in about 30 s instead of
    // 10 minutes) so live events arrive within the test's patience. The portal is the default one: 100 accounts.
    // A language model's key left in the shell must not be spent on demo data: it points nowhere, and must not be used.
    private readonly Dictionary<string, string> _environment = new()
    {
        ["Demo__Enabled"] = "", ["Demo__ClockSpeed"] = "360", ["OPENAI_API_KEY"] = "sk-left-in-the-shell", ["OPENAI_BASE_URL"] = "http://127.0.0.1:9/v1",
    };

    [Fact]
    public async Task Abm_NoConfigurationInAnEmptyFolder_ServesTheDemoAndARestartResumesIt()
    {
        DemoStatus first;
        Guid firstContact;
        string firstPassword;
        await using (var run = await DemoRun.StartAsync(_workingDirectory, _environment))
        {
            run.Output.ShouldContain("DEMO MODE");
            run.Output.ShouldContain("full sync of the sandbox portal");
            first = await WaitForLiveEventsAsync(run);
            first.Contacts.ShouldBeGreaterThanOrEqualTo(1_000);
            first.ScoredContacts.ShouldBe(first.Contacts, "every contact is scored");
            first.Accounts.ShouldBe(100);
            first.ContentItems.ShouldBeGreaterThanOrEqualTo(500);

            firstContact = await ExpectExplainedRecommendationsAsync(run.Api);
            await ExpectScoredLeadsAndActiveSequencesAsync(run);
            firstPassword = Password(run);
            (await SignInAsync(run.Api.BaseAddress!, firstPassword)).ShouldBeTrue("the printed dashboard sign-in opens the dashboard");
            var workspaces = await run.Api.GetFromJsonAsync<JsonElement>("/api/workspaces");
            workspaces.EnumerateArray().ShouldAllBe(w => w.GetProperty("demo").GetBoolean());
            await run.StopAsync();
        }

        File.Exists(Path.Combine(_workingDirectory, "data", "demo", "sandbox.db")).ShouldBeTrue();
        File.Exists(Path.Combine(_workingDirectory, "data", "demo", "abm.db")).ShouldBeTrue();

        await using (var again = await DemoRun.StartAsync(_workingDirectory, _environment))
        {
            again.Output.ShouldContain("incremental sync of the sandbox portal", customMessage: "the portal and the local copy are resumed, not seeded and synced from scratch");
            var resumed = await Status(again.Api);
            resumed.Contacts.ShouldBe(first.Contacts);
            resumed.ScoredContacts.ShouldBe(first.ScoredContacts);
            resumed.Events.ShouldBeGreaterThanOrEqualTo(first.Events);
            (await again.Api.GetAsync($"/api/contacts/{firstContact}/engagement")).IsSuccessStatusCode.ShouldBeTrue("the same contact, under the same id");
            again.Output.ShouldNotContain("ideal-client profile imported", customMessage: "the profile is imported once");
            (await again.Api.GetFromJsonAsync<JsonElement>("/api/nurture/sequences")).GetArrayLength().ShouldBe(3, "the templates are made sequences once");
            (await SignInAsync(again.Api.BaseAddress!, firstPassword)).ShouldBeFalse("every start issues a new password");
            (await SignInAsync(again.Api.BaseAddress!, Password(again))).ShouldBeTrue();
            await again.StopAsync();
        }
    }

    [Fact]
    public async Task Abm_HubSpotApiKeySet_RunsTheProductAndLeavesNoDemoData()
    {
        const string operatorKey = "operator-key-of-the-product-test-0123456789";
        var environment = new Dictionary<string, string>
        {
            ["Demo__Enabled"] = "", ["API_SECRET_KEY"] = operatorKey,
            ["HUBSPOT_API_KEY"] = "pat-na1-00000000-0000-0000-0000-000000000000", ["HUBSPOT_BASE_URL"] = "http://127.0.0.1:9",
        };

        await using var run = await DemoRun.StartAsync(_workingDirectory, environment, ListeningLine(), keyLine: null);
        run.Api.DefaultRequestHeaders.Authorization = new("Bearer", operatorKey);
        using var response = await run.Api.GetAsync("/api/demo");

        response.EnsureSuccessStatusCode();
        response.Headers.Contains("X-Abm-Demo").ShouldBeFalse();
        (await response.Content.ReadFromJsonAsync<DemoStatus>())!.Demo.ShouldBeFalse();
        (await run.Api.GetFromJsonAsync<JsonElement>("/api/workspaces")).EnumerateArray().ShouldAllBe(w => !w.GetProperty("demo").GetBoolean());
        run.Output.ShouldNotContain("DEMO MODE");
        Directory.Exists(Path.Combine(_workingDirectory, "data", "demo")).ShouldBeFalse();
        File.Exists(Path.Combine(_workingDirectory, "data", "abm.db")).ShouldBeTrue("the product's own database, in ./data of the directory it was started from");
    }

    [Fact]
    public async Task AbmDemoReset_AfterADemoRan_DeletesItsStateAndStartsANewPortalFromScratch()
    {
        // A small demo: the reset, not the demo's size, is under test.
        var environment = new Dictionary<string, string>(_environment) { ["Demo__Accounts"] = "4", ["Demo__HistoryDays"] = "3" };
        Guid firstContact;
        await using (var run = await DemoRun.StartAsync(_workingDirectory, environment))
        {
            firstContact = await FirstContactAsync(run.Api);
            await run.StopAsync();
        }

        await using (var reset = await DemoRun.StartAsync(_workingDirectory, environment, AddressLine(), KeyLine(), "demo", "--reset"))
        {
            reset.Output.ShouldContain("abm demo: deleted the demo's state in");
            reset.Output.ShouldContain("full sync of the sandbox portal", customMessage: "a new portal is synced from scratch, not resumed");
            var contact = await FirstContactAsync(reset.Api);
            contact.ShouldNotBe(firstContact);
            (await reset.Api.GetAsync($"/api/contacts/{firstContact}/engagement")).StatusCode.ShouldBe(System.Net.HttpStatusCode.NotFound, "the old local copy is gone");
            (await Status(reset.Api)).Accounts.ShouldBe(4);
            await reset.StopAsync();
        }
    }

    /// <summary>The first contact the demo lists once its start-up sync has landed one (polled with a deadline).</summary>
    private static async Task<Guid> FirstContactAsync(HttpClient api)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var contacts = (await api.GetFromJsonAsync<JsonElement>("/api/contacts?limit=1")).GetProperty("contacts");
            if (contacts.GetArrayLength() > 0)
            {
                return contacts[0].GetProperty("id").GetGuid();
            }

            deadline.Elapsed.ShouldBeLessThan(ReadyDeadline, "the demo's start-up sync lands contacts");
            await Task.Delay(TimeSpan.FromMilliseconds(500));
        }
    }

    private static async Task<DemoStatus> WaitForLiveEventsAsync(DemoRun run)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var status = await Status(run.Api);
            if (status.LiveEvents > 0 || deadline.Elapsed > TimeSpan.FromMinutes(2))
            {
                status.LiveEvents.ShouldBeGreaterThan(0, "buyer activity goes on after the server opens and lands in it");
                return status;
            }

            await Task.Delay(TimeSpan.FromSeconds(1));
        }
    }

    private static async Task<Guid> ExpectExplainedRecommendationsAsync(HttpClient api)
    {
        var contacts = await api.GetFromJsonAsync<JsonElement>("/api/contacts?limit=5");
        var contact = contacts.GetProperty("contacts")[0].GetProperty("id").GetGuid();
        var engagement = await api.GetFromJsonAsync<JsonElement>($"/api/contacts/{contact}/engagement");
        engagement.GetProperty("computedAt").ValueKind.ShouldBe(JsonValueKind.String, "the contact has a score");
        var recommendations = await api.GetFromJsonAsync<JsonElement>($"/api/contacts/{contact}/recommendations?k=3");
        var items = recommendations.GetProperty("items").EnumerateArray().ToList();
        items.Count.ShouldBe(3);
        items.ShouldAllBe(i => i.GetProperty("reason").GetString()!.Length > 20);
        return contact;
    }

    private static async Task ExpectScoredLeadsAndActiveSequencesAsync(DemoRun run)
    {
        run.Output.ShouldContain("ideal-client profile imported");
        var leads = await run.Api.GetFromJsonAsync<JsonElement>("/api/leads?limit=500");
        leads.GetProperty("total").GetInt32().ShouldBeGreaterThanOrEqualTo(1_000, "the contacts have lead scores");
        var scores = leads.GetProperty("items").EnumerateArray().Select(l => l.GetProperty("score").GetInt32()).ToList();
        scores.Max().ShouldBeGreaterThan(scores.Min(), "the profile tells leads apart");
        var sequences = (await run.Api.GetFromJsonAsync<JsonElement>("/api/nurture/sequences")).EnumerateArray().ToList();
        sequences.Count.ShouldBe(3, "the three templates");
        var ai = await run.Api.GetFromJsonAsync<JsonElement>("/api/ai/status");
        ai.GetProperty("configured").GetBoolean().ShouldBeFalse("the demo scores leads without a language model, whatever key is set");
        ai.GetProperty("embeddingModel").GetString().ShouldBe(Abm.Server.Features.Leads.MiniLmEmbeddingGenerator.ModelName, "and embeds with the local model, whatever key is set");
        sequences.ShouldAllBe(q => q.GetProperty("status").GetString() == "active");
    }

    private static string Password(DemoRun run) =>
        DashboardLine().Matches(run.Output) is { Count: > 0 } lines ? lines[^1].Groups[1].Value : throw new ShouldAssertException($"No dashboard sign-in printed: {run.Output}");

    /// <summary>Posts the dashboard's sign-in form as a browser would (its antiforgery token included); true when the dashboard then opens.</summary>
    private static async Task<bool> SignInAsync(Uri address, string password)
    {
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = new System.Net.CookieContainer() }) { BaseAddress = address };
        var page = await browser.GetStringAsync("/signin");
        page.ShouldContain(DemoNote, customMessage: "the sign-in page says it is a demo too");
        var fields = HiddenInput().Matches(page).ToDictionary(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value), m => System.Net.WebUtility.HtmlDecode(m.Groups[2].Value));
        fields["Input.Email"] = "demo@example.com";
        fields["Input.Password"] = password;
        using var posted = await browser.PostAsync("/signin", new FormUrlEncodedContent(fields));
        using var accounts = await browser.GetAsync("/accounts");
        return accounts.IsSuccessStatusCode && accounts.RequestMessage!.RequestUri!.AbsolutePath == "/accounts";
    }

    private static async Task<DemoStatus> Status(HttpClient api)
    {
        using var response = await api.GetAsync("/api/demo");
        response.EnsureSuccessStatusCode();
        response.Headers.GetValues("X-Abm-Demo").ShouldBe(["true"]);
        return (await response.Content.ReadFromJsonAsync<DemoStatus>())!;
    }

    public void Dispose() => Directory.Delete(_workingDirectory, recursive: true);

    private sealed record DemoStatus(bool Demo, DateTime? ReadyAt, int Contacts, int ScoredContacts, int Accounts, int ContentItems, long Events, long LiveEvents);

    [GeneratedRegex(@"API\s+(http://\S+)")]
    private static partial Regex AddressLine();

    [GeneratedRegex(@"API key\s+(abm_\S+)")]
    private static partial Regex KeyLine();

    [GeneratedRegex(@"sign in as demo@example\.com with password (\S+)")]
    private static partial Regex DashboardLine();

    [GeneratedRegex(@"<input type=""hidden"" name=""([^""]+)"" value=""([^""]*)""")]
    private static partial Regex HiddenInput();

    [GeneratedRegex(@"Now listening on: (http://[^""\s]+)")]
    private static partial Regex ListeningLine();

    /// <summary>One run of the executable: its console as it comes, and a client with the key it printed.</summary>
    private sealed class DemoRun : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly System.Text.StringBuilder _output = new();
        private readonly Task _reading;

        private DemoRun(Process process)
        {
            _process = process;
            _reading = Task.WhenAll(ReadAsync(process.StandardOutput), ReadAsync(process.StandardError));
        }

        public HttpClient Api { get; private set; } = null!;

        public string Output
        {
            get
            {
                lock (_output)
                {
                    return _output.ToString();
                }
            }
        }

        public static Task<DemoRun> StartAsync(string directory, IReadOnlyDictionary<string, string> environment) =>
            StartAsync(directory, environment, AddressLine(), KeyLine());

        /// <summary>Starts the executable and waits until it prints its address (and the key, when one is expected).</summary>
        public static async Task<DemoRun> StartAsync(string directory, IReadOnlyDictionary<string, string> environment, Regex addressLine, Regex? keyLine, params string[] args)
        {
            var run = new DemoRun(AbmProcess.Start(directory, environment, args));
            var deadline = Stopwatch.StartNew();
            Match? key = null, address;
            while (!(address = addressLine.Match(run.Output)).Success | (keyLine is not null && !(key = keyLine.Match(run.Output)).Success))
            {
                if (run._process.HasExited || deadline.Elapsed > ReadyDeadline)
                {
                    throw new TimeoutException($"The demo did not print its address and key within {ReadyDeadline} (exited: {run._process.HasExited}). Output: {run.Output}");
                }

                await Task.Delay(TimeSpan.FromMilliseconds(200));
            }

            run.Api = new HttpClient { BaseAddress = new Uri(address.Groups[1].Value) };
            if (key is not null)
            {
                run.Api.DefaultRequestHeaders.Authorization = new("Bearer", key.Groups[1].Value);
            }

            return run;
        }

        /// <summary>A clean stop, as Ctrl+C or a service manager would ask, so the sandbox saves its data file.</summary>
        public async Task StopAsync()
        {
            using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }

            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await _process.WaitForExitAsync(patience.Token);
        }

        private async Task ReadAsync(StreamReader reader)
        {
            while (await reader.ReadLineAsync() is { } line)
            {
                lock (_output)
                {
                    _output.AppendLine(line);
                }
            }
        }

        public async ValueTask DisposeAsync()
        {
            Api?.Dispose();
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            await _process.WaitForExitAsync();
            await _reading;
            _process.Dispose();
        }
    }
}
