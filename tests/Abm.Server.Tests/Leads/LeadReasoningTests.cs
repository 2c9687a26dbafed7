using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Abm.Server.Features.Leads;
using Abm.Testing;
using Microsoft.EntityFrameworkCore;
using static Abm.Testing.FakeLlmProvider;

namespace Abm.Server.Tests.Leads;

/// <summary>
/// The real Anthropic and OpenAI SDKs, pointed at a fake provider on loopback that speaks their wire formats: a good
/// answer, malformed and out-of-contract answers, 429, 500 and a timeout. Every case ends with a valid score, the
/// right provider and fallback marking, and an audit of what was asked and answered.
/// </summary>
public sealed class LeadReasoningTests(LeadReasoningTests.Servers servers) : IClassFixture<LeadReasoningTests.Servers>
{
    private const string GoodHigh = """{"score": 86, "fit_level": "High", "next_action": "Call", "reasoning": "Technology company of 900 in the United States on HubSpot, AWS and Slack: a close match."}""";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// One fake provider, a webhook receiver, and a server on each SDK. The timeout leaves a first request on a busy
    /// machine (the SDK's first use) room to answer, so only the hanging replies time out.
    /// </summary>
    public sealed class Servers : IAsyncLifetime
    {
        public FakeLlmProvider Provider { get; private set; } = null!;
        public WebhookReceiver Slack { get; private set; } = null!;
        public AbmServerFactory Anthropic { get; private set; } = null!;
        public AbmServerFactory OpenAI { get; private set; } = null!;

        public AbmServerFactory For(string provider) => provider == LeadLanguageModel.Anthropic ? Anthropic : OpenAI;

        public async Task InitializeAsync()
        {
            Provider = await FakeLlmProvider.StartAsync();
            Slack = await WebhookReceiver.StartAsync();
            Dictionary<string, string> Common(string provider) => new()
            {
                ["Leads:Llm:Provider"] = provider, ["Leads:Llm:TimeoutSeconds"] = "4", ["Leads:Llm:RetryDelayMilliseconds"] = "10",
                ["Leads:NotifyWebhookUrl"] = Slack.Url,
            };
            Anthropic = await AbmServerFactory.StartAsync(new(Common("anthropic"))
            {
                ["CLAUDE_API_KEY"] = "sk-ant-test-key", ["ANTHROPIC_BASE_URL"] = Provider.AnthropicBaseUrl, ["Leads:Llm:Model"] = "claude-sonnet-4-5",
            });
            OpenAI = await AbmServerFactory.StartAsync(new(Common("openai"))
            {
                ["OPENAI_API_KEY"] = "sk-openai-test-key", ["OPENAI_BASE_URL"] = Provider.OpenAIBaseUrl, ["Leads:Llm:Model"] = "gpt-4.1-mini",
            });
        }

        public async Task DisposeAsync()
        {
            await Anthropic.DisposeAsync();
            await OpenAI.DisposeAsync();
            await Slack.DisposeAsync();
            await Provider.DisposeAsync();
        }
    }

    [Theory]
    [InlineData("anthropic", "claude-sonnet-4-5", 0.0045)] // 1,000 input tokens at $3/M + 100 output at $15/M
    [InlineData("openai", "gpt-4.1-mini", 0.00056)] // 1,000 at $0.40/M + 100 at $1.60/M
    public async Task ScoreLead_GoodAnswer_TheModelsScoreWithTokensCostAuditAndWriteBack(string provider, string model, double cost)
    {
        var (server, client, admin, contact) = await LeadAsync(provider);
        servers.Provider.Enqueue(Reply.Answer(GoodHigh));
        var before = await server.OperatorClient().GetStringAsync("/metrics"); // the class's tests share the server's counters

        var lead = await ScoreAsync(client, contact.Id);

        lead.Score.ShouldBe(86);
        lead.Fit.ShouldBe("High");
        lead.NextAction.ShouldBe("Call");
        lead.Reasoning!.ShouldStartWith("Technology company of 900");
        lead.Provider.ShouldBe(provider);
        lead.Model.ShouldBe(model);
        lead.UsedFallback.ShouldBe(false);
        lead.FallbackReason.ShouldBeNull();
        lead.InputTokens.ShouldBe(1_000);
        lead.OutputTokens.ShouldBe(100);
        lead.EstimatedCostUsd!.Value.ShouldBe(cost, 1e-9);
        var asked = servers.Provider.Requests[^1];
        asked.Wire.ShouldBe(provider);
        asked.Model.ShouldBe(model);
        asked.System!.ShouldContain("\"fit_level\"");
        asked.LastUserText.ShouldContain("\"job_title\": \"Chief Technology Officer\"");
        asked.LastUserText.ShouldContain("\"similar_ideal_clients\"");
        asked.LastUserText.ShouldContain("\"name\": \"Core\"");
        asked.LastUserText.ShouldContain("\"ideal_client_profile\"");

        var audit = await AuditAsync(admin, contact.Id);
        var entry = audit.Scorings.ShouldHaveSingleItem();
        entry.Method.ShouldBe("llm");
        entry.Prompt!.ShouldContain(asked.LastUserText);
        entry.Response.ShouldBe(GoodHigh);
        entry.Calls.ShouldHaveSingleItem().Outcome.ShouldBe("ok");
        entry.Calls[0].EstimatedCostUsd.ShouldBe(cost, 1e-9);
        await using var database = server.OpenDatabase();
        var outbox = await database.HubSpotOutbox.IgnoreQueryFilters().SingleAsync(o => o.HubSpotId == contact.HubSpotId);
        JsonSerializer.Deserialize<Dictionary<string, string>>(outbox.Properties)!["ai_lead_score"].ShouldBe("86");

        var status = (await client.GetFromJsonAsync<AiStatus>("/api/ai/status", Json))!;
        status.Provider.ShouldBe(provider);
        status.Configured.ShouldBeTrue();
        status.Model.ShouldBe(model);
        status.Reachable.ShouldBe(true);
        status.CallsToday.ShouldBe(1);
        status.FailedCallsToday.ShouldBe(0);
        status.InputTokensToday.ShouldBe(1_000);
        status.CostTodayUsd.ShouldBe(cost, 1e-9);

        // The same request in the metrics the operator scrapes.
        var after = await server.OperatorClient().GetStringAsync("/metrics");
        double Added(string metric, string? label = null) => Sample(after, metric, provider, label) - Sample(before, metric, provider, label);
        Added("abm_llm_calls_total", "outcome=\"ok\"").ShouldBe(1);
        Added("abm_llm_tokens_total", "direction=\"input\"").ShouldBe(1_000);
        Added("abm_llm_cost_total").ShouldBe(cost, 1e-9);
        Added("abm_llm_duration_seconds_count").ShouldBe(1);
    }

    /// <summary>The sum of a metric's samples of one provider (and label, when given) in the Prometheus text.</summary>
    private static double Sample(string exposition, string metric, string provider, string? label = null) => exposition.Split('\n')
        .Where(line => line.StartsWith(metric + "{", StringComparison.Ordinal) && line.Contains($"provider=\"{provider}\"", StringComparison.Ordinal)
            && (label is null || line.Contains(label, StringComparison.Ordinal)))
        .Sum(line => double.Parse(line[(line.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture));

    [Theory]
    [InlineData("anthropic")]
    [InlineData("openai")]
    public async Task ScoreLead_MalformedThenGood_RetriedOnceWithTheErrorAndTheModelAnswers(string provider)
    {
        var (_, client, admin, contact) = await LeadAsync(provider);
        servers.Provider.Enqueue(Reply.Answer("Here is my assessment: the lead looks strong."), Reply.Answer("```json\n" + GoodHigh + "\n```"));

        var lead = await ScoreAsync(client, contact.Id);

        lead.Score.ShouldBe(86);
        lead.UsedFallback.ShouldBe(false);
        var followUp = servers.Provider.Requests[^1];
        followUp.LastUserText.ShouldContain("not valid JSON");
        followUp.Messages.Count(m => m.Role == "assistant").ShouldBe(1);
        var calls = (await AuditAsync(admin, contact.Id)).Scorings.Single().Calls;
        calls.Select(c => c.Outcome).ShouldBe(["invalid_answer", "ok"]);
    }

    [Theory]
    [InlineData("anthropic", "not json at all", "{\"score\": 70", "broke the answer contract twice")]
    [InlineData("openai", "not json at all", "{\"score\": 70", "broke the answer contract twice")]
    [InlineData("anthropic", """{"score": 140, "fit_level": "High", "next_action": "Call", "reasoning": "x"}""", """{"score": 85, "fit_level": "Medium", "next_action": "Call", "reasoning": "x"}""", "does not match score 85")]
    [InlineData("openai", """{"score": 140, "fit_level": "High", "next_action": "Call", "reasoning": "x"}""", """{"score": 85, "fit_level": "Medium", "next_action": "Call", "reasoning": "x"}""", "does not match score 85")]
    public async Task ScoreLead_TwoAnswersOutOfContract_FallbackAnswersMarkedWithWhy(string provider, string first, string second, string reason)
    {
        var (server, client, admin, contact) = await LeadAsync(provider);
        servers.Provider.Enqueue(Reply.Answer(first), Reply.Answer(second));

        var lead = await ScoreAsync(client, contact.Id);

        await ShouldBeTheFallbackAsync(server, lead, provider, reason);
        var entry = (await AuditAsync(admin, contact.Id)).Scorings.Single();
        entry.Calls.Select(c => c.Outcome).ShouldBe(["invalid_answer", "invalid_answer"]);
        entry.Response.ShouldBe(second);
        entry.Prompt!.ShouldContain(first);
        entry.Prompt!.ShouldContain("Your answer was refused");
    }

    [Theory]
    [InlineData("anthropic", 429, "rate_limited", "rate limited (429) after 3 attempt(s)")]
    [InlineData("openai", 429, "rate_limited", "rate limited (429) after 3 attempt(s)")]
    [InlineData("anthropic", 500, "server_error", "server error (500) after 3 attempt(s)")]
    [InlineData("openai", 500, "server_error", "server error (500) after 3 attempt(s)")]
    public async Task ScoreLead_ProviderKeepsFailing_ThreeAttemptsThenFallbackMarked(string provider, int status, string outcome, string reason)
    {
        var (server, client, admin, contact) = await LeadAsync(provider);
        servers.Provider.Enqueue(Reply.Error(status), Reply.Error(status), Reply.Error(status));

        var lead = await ScoreAsync(client, contact.Id);

        await ShouldBeTheFallbackAsync(server, lead, provider, reason);
        var calls = (await AuditAsync(admin, contact.Id)).Scorings.Single().Calls;
        calls.Count.ShouldBe(3);
        calls.ShouldAllBe(c => c.Outcome == outcome && c.HttpStatus == status);
        var aiStatus = (await client.GetFromJsonAsync<AiStatus>("/api/ai/status", Json))!;
        aiStatus.Reachable.ShouldBe(false);
        aiStatus.LastOutcome.ShouldBe(outcome);
        aiStatus.FailedCallsToday.ShouldBe(3);
        aiStatus.FallbackToday.ShouldBe(1);
    }

    [Theory]
    [InlineData("anthropic", 401, "refused", "refused the request (401)")]
    [InlineData("openai", 401, "refused", "refused the request (401)")]
    [InlineData("anthropic", 200, "unusable_reply", "answered in a form the SDK could not read")]
    [InlineData("openai", 200, "unusable_reply", "answered in a form the SDK could not read")]
    public async Task ScoreLead_ProviderRefusesOrAnswersGarbage_NoRetryAndFallbackMarked(string provider, int status, string outcome, string reason)
    {
        var (server, client, admin, contact) = await LeadAsync(provider);
        servers.Provider.Enqueue(status == 200 ? Reply.Raw("<html>gateway</html>") : Reply.Error(status), Reply.Answer(GoodHigh));

        var lead = await ScoreAsync(client, contact.Id);

        await ShouldBeTheFallbackAsync(server, lead, provider, reason);
        (await AuditAsync(admin, contact.Id)).Scorings.Single().Calls.ShouldHaveSingleItem().Outcome.ShouldBe(outcome);
    }

    [Theory]
    [InlineData("anthropic")]
    [InlineData("openai")]
    public async Task ScoreLead_RateLimitedWithRetryAfter_WaitsAtLeastThatLongThenTheModelAnswers(string provider)
    {
        var (_, client, admin, contact) = await LeadAsync(provider);
        servers.Provider.Enqueue(Reply.RateLimited(2), Reply.Answer(GoodHigh));

        var lead = await ScoreAsync(client, contact.Id);

        lead.UsedFallback.ShouldBe(false);
        var calls = (await AuditAsync(admin, contact.Id)).Scorings.Single().Calls;
        calls.Select(c => c.Outcome).ShouldBe(["rate_limited", "ok"]);
        // The back-off alone is 10 ms here; only the provider's Retry-After makes the second call wait 2 s.
        // The bound sits 50 ms under 2 s because timers fire on a coarser tick than the wall clock is read
        // with: a 2 s wait has been seen to measure 1.9994 s.
        (calls[1].CalledAt - calls[0].CalledAt).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(1950));
    }

    [Theory]
    [InlineData("anthropic")]
    [InlineData("openai")]
    public async Task ScoreLead_RetryAfterLongerThanAScoringWaits_FallsBackAtOnceSayingSo(string provider)
    {
        var (_, client, admin, contact) = await LeadAsync(provider);
        servers.Provider.Enqueue(Reply.RateLimited(600));

        var lead = await ScoreAsync(client, contact.Id);

        lead.UsedFallback.ShouldBe(true);
        var scoring = (await AuditAsync(admin, contact.Id)).Scorings.Single();
        scoring.Calls.ShouldHaveSingleItem().Outcome.ShouldBe("rate_limited");
        scoring.FallbackReason!.ShouldContain("asked to wait 600 s");
    }

    [Theory]
    [InlineData("anthropic")]
    [InlineData("openai")]
    public async Task ScoreLead_RateLimitedThenAnswered_RetriedAndTheModelAnswers(string provider)
    {
        var (_, client, admin, contact) = await LeadAsync(provider);
        servers.Provider.Enqueue(Reply.Error(429), Reply.Error(503), Reply.Answer(GoodHigh));

        var lead = await ScoreAsync(client, contact.Id);

        lead.UsedFallback.ShouldBe(false);
        lead.Score.ShouldBe(86);
        (await AuditAsync(admin, contact.Id)).Scorings.Single().Calls.Select(c => c.Outcome).ShouldBe(["rate_limited", "server_error", "ok"]);
    }

    [Theory]
    [InlineData("anthropic")]
    [InlineData("openai")]
    public async Task ScoreLead_ProviderNeverAnswers_TimesOutThreeTimesThenFallback(string provider)
    {
        var (server, client, admin, contact) = await LeadAsync(provider);
        servers.Provider.Enqueue(Reply.Hang(), Reply.Hang(), Reply.Hang());

        var lead = await ScoreAsync(client, contact.Id);

        await ShouldBeTheFallbackAsync(server, lead, provider, "timed out after 3 attempt(s)");
        (await AuditAsync(admin, contact.Id)).Scorings.Single().Calls.Select(c => c.Outcome).ShouldBe(["timeout", "timeout", "timeout"]);
    }

    [Fact]
    public async Task ScoreLead_BecomesHighPriority_OneSlackNotificationPerPriorityChange()
    {
        var (_, client, _, contact) = await LeadAsync("anthropic");
        servers.Provider.Enqueue(Reply.Answer(GoodHigh), Reply.Answer(GoodHigh.Replace("86", "90", StringComparison.Ordinal)));

        await ScoreAsync(client, contact.Id);
        await ScoreAsync(client, contact.Id);

        var posts = servers.Slack.Posts.Where(p => p.Contains(contact.Email!, StringComparison.Ordinal)).ToList();
        var post = posts.ShouldHaveSingleItem();
        JsonDocument.Parse(post).RootElement.GetProperty("text").GetString()!.ShouldContain("lead score 86 (High fit), next action Call, owner 501");
    }

    [Fact]
    public async Task GetLeadAudit_Marketer_Forbidden()
    {
        var (_, client, _, contact) = await LeadAsync("anthropic");

        (await client.GetAsync($"/api/leads/{contact.Id}/audit")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    /// <summary>The deterministic scorer's answer, marked as the fallback of the provider asked, and never the model's.</summary>
    private static async Task ShouldBeTheFallbackAsync(AbmServerFactory server, LeadDetail lead, string provider, string reason)
    {
        lead.Provider.ShouldBe(provider);
        lead.UsedFallback.ShouldBe(true);
        lead.FallbackReason!.ShouldContain(reason);
        lead.Score!.Value.ShouldBeInRange(0, 100);
        lead.Fit.ShouldBe("High"); // the fitting lead scores High with the deterministic scorer too
        lead.Reasoning!.ShouldContain("Meets: industry");
        await using var database = server.OpenDatabase();
        var row = await database.LeadScores.IgnoreQueryFilters().SingleAsync(s => s.ContactId == lead.ContactId && s.IsCurrent);
        row.Method.ShouldBe("deterministic");
    }

    private async Task<(AbmServerFactory Server, HttpClient Client, HttpClient Admin, Abm.Data.Entities.Contact Contact)> LeadAsync(string provider)
    {
        servers.Provider.Reset();
        var server = servers.For(provider);
        var (client, workspace) = await LeadTestData.ProfiledWorkspaceAsync(server);
        var contact = await LeadTestData.SeedLeadAsync(server, workspace, "Chief Technology Officer", "technology", 900, 150_000_000m, "United States", "HubSpot;AWS;Slack", owner: "501");
        var admin = server.ClientWithKey((await server.CreateKeyAsync("admin", workspace)).Key);
        return (server, client, admin, contact);
    }

    private static async Task<LeadDetail> ScoreAsync(HttpClient client, Guid contactId)
    {
        var response = await client.PostAsync($"/api/leads/{contactId}/score", null);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<LeadDetail>(Json))!;
    }

    private static async Task<LeadAudit> AuditAsync(HttpClient admin, Guid contactId)
    {
        var response = await admin.GetAsync($"/api/leads/{contactId}/audit");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<LeadAudit>(Json))!;
    }
}
