using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Abm.Testing;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Tests.Marketing;

/// <summary>Marketing email templates and sends (now, to a list, scheduled) through /api/hubspot/email against the sandbox.</summary>
public sealed class MarketingEmailSendTests(MarketingSandbox fixture) : IClassFixture<MarketingSandbox>
{
    [Fact]
    public async Task Templates_List_ShowsThePortalsMarketingEmails()
    {
        var page = await fixture.Marketer().GetFromJsonAsync<JsonElement>("/api/hubspot/email/templates");

        page.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("id").GetString()).ShouldContain(MarketingSandbox.EmailId);
    }

    [Fact]
    public async Task Send_NowToOneContact_SentOnceAndReportedSent()
    {
        var contact = await fixture.PortalContactAsync();

        var send = await SendAsync(new { emailId = MarketingSandbox.EmailId, contactId = contact.Id });

        send.GetProperty("status").GetString().ShouldBe("sent");
        send.GetProperty("performance").GetProperty("delivered").GetInt32().ShouldBe(1);
        var read = await fixture.Marketer().GetFromJsonAsync<JsonElement>($"/api/hubspot/email/sends/{send.GetProperty("id").GetGuid()}");
        read.GetProperty("recipients").EnumerateArray().Single().GetProperty("outcome").GetString().ShouldBe("sent");
        (await fixture.SendsAsync()).Count(s => string.Equals(s.GetProperty("to").GetString(), contact.Email, StringComparison.OrdinalIgnoreCase)).ShouldBe(1);
    }

    [Fact]
    public async Task Send_ToListWithAnOptedOutMember_SkipsItWithTheReasonAndSendsTheOthers()
    {
        var (willing, optedOut) = (await fixture.PortalContactAsync(), await fixture.PortalContactAsync("""{"hs_email_optout":"true"}"""));
        var listId = await fixture.ListAsync(willing, optedOut);

        var send = await SendAsync(new { emailId = MarketingSandbox.EmailId, listId });

        var outcomes = send.GetProperty("recipients").EnumerateArray().ToDictionary(r => r.GetProperty("contactId").GetGuid(), r => (r.GetProperty("outcome").GetString(), r.GetProperty("reason").GetString()));
        outcomes[willing.Id].Item1.ShouldBe("sent");
        outcomes[optedOut.Id].Item1.ShouldBe("skipped");
        outcomes[optedOut.Id].Item2!.ShouldStartWith("unsubscribed");
        var sent = (await fixture.SendsAsync()).Select(s => s.GetProperty("to").GetString()).ToList();
        sent.ShouldContain(willing.Email!.ToLowerInvariant());
        sent.ShouldNotContain(optedOut.Email!.ToLowerInvariant());
    }

    [Fact]
    public async Task Send_Scheduled_WaitsThenIsSentByAnotherInstanceExactlyOnce()
    {
        var contact = await fixture.PortalContactAsync();
        var scheduled = await SendAsync(new { emailId = MarketingSandbox.EmailId, contactId = contact.Id, sendAt = TimeProvider.System.GetUtcNow().AddHours(2) });
        var id = scheduled.GetProperty("id").GetGuid();
        scheduled.GetProperty("status").GetString().ShouldBe("scheduled");
        (await MarketingSandbox.RunDueAsync(fixture.Server, fixture.Workspace)).ShouldBe(0); // not due yet

        await MakeDueAsync(id);
        // A second instance on the same database, as after a restart: only the stored send tells it what to do.
        await using var second = AbmServerFactory.StartBeside(fixture.Server, MarketingSandbox.Settings(fixture.Sandbox));
        var ran = await MarketingSandbox.RunDueAsync(second, fixture.Workspace);
        var again = await MarketingSandbox.RunDueAsync(fixture.Server, fixture.Workspace);

        (ran, again).ShouldBe((1, 0));
        var read = await fixture.Marketer().GetFromJsonAsync<JsonElement>($"/api/hubspot/email/sends/{id}");
        read.GetProperty("status").GetString().ShouldBe("sent");
        (await fixture.SendsAsync()).Count(s => string.Equals(s.GetProperty("to").GetString(), contact.Email, StringComparison.OrdinalIgnoreCase)).ShouldBe(1);
    }

    [PostgresFact]
    public async Task Send_ScheduledListSendDue_TwoInstancesRacingSendEachMemberOnce()
    {
        var members = new[] { await fixture.PortalContactAsync(), await fixture.PortalContactAsync(), await fixture.PortalContactAsync() };
        var listId = await fixture.ListAsync(members);
        var scheduled = await SendAsync(new { emailId = MarketingSandbox.EmailId, listId, sendAt = TimeProvider.System.GetUtcNow().AddHours(1) });
        await MakeDueAsync(scheduled.GetProperty("id").GetGuid());
        await using var second = AbmServerFactory.StartBeside(fixture.Server, MarketingSandbox.Settings(fixture.Sandbox));

        var runs = await Task.WhenAll(Enumerable.Range(0, 6).Select(async i => { await Task.Yield(); return await MarketingSandbox.RunDueAsync(i % 2 == 0 ? fixture.Server : second, fixture.Workspace); }));

        runs.Sum().ShouldBe(1);
        var sent = (await fixture.SendsAsync()).Select(s => s.GetProperty("to").GetString()).ToList();
        foreach (var member in members)
        {
            sent.Count(to => string.Equals(to, member.Email, StringComparison.OrdinalIgnoreCase)).ShouldBe(1);
        }
    }

    [Fact]
    public async Task Sends_ListedNewestFirst_ScheduledFilterKeepsTheWaitingOnesWithTheirPerformance()
    {
        var (now, later) = (await fixture.PortalContactAsync(), await fixture.PortalContactAsync());
        var sent = await SendAsync(new { emailId = MarketingSandbox.EmailId, contactId = now.Id });
        var scheduled = await SendAsync(new { emailId = MarketingSandbox.EmailId, contactId = later.Id, sendAt = TimeProvider.System.GetUtcNow().AddDays(3) });

        var all = await fixture.Marketer().GetFromJsonAsync<JsonElement>("/api/hubspot/email/sends?limit=100");
        var ids = all.GetProperty("items").EnumerateArray().Select(s => s.GetProperty("id").GetGuid()).ToList();
        ids.IndexOf(scheduled.GetProperty("id").GetGuid()).ShouldBeLessThan(ids.IndexOf(sent.GetProperty("id").GetGuid()));
        ids.IndexOf(sent.GetProperty("id").GetGuid()).ShouldBeGreaterThanOrEqualTo(0);
        all.GetProperty("total").GetInt32().ShouldBeGreaterThanOrEqualTo(2);
        var past = all.GetProperty("items").EnumerateArray().Single(s => s.GetProperty("id").GetGuid() == sent.GetProperty("id").GetGuid());
        (past.GetProperty("status").GetString(), past.GetProperty("contactEmail").GetString(), past.GetProperty("performance").GetProperty("delivered").GetInt32())
            .ShouldBe(("sent", now.Email, 1));

        var waiting = await fixture.Marketer().GetFromJsonAsync<JsonElement>("/api/hubspot/email/sends?status=scheduled&limit=100");
        var items = waiting.GetProperty("items").EnumerateArray().ToList();
        items.ShouldAllBe(s => s.GetProperty("status").GetString() == "scheduled");
        var mine = items.Single(s => s.GetProperty("id").GetGuid() == scheduled.GetProperty("id").GetGuid());
        (mine.GetProperty("contactId").GetGuid(), mine.GetProperty("performance").GetProperty("pending").GetInt32()).ShouldBe((later.Id, 1));
        mine.TryGetProperty("recipients", out _).ShouldBeFalse("a page of sends leaves the recipient lists to each send's own route");
    }

    [Theory]
    [InlineData("status=queued", "status")]
    [InlineData("limit=0", "limit")]
    [InlineData("offset=-1", "offset")]
    public async Task Sends_BadQuery_400NamingTheParameter(string query, string field)
    {
        var response = await fixture.Marketer().GetAsync($"/api/hubspot/email/sends?{query}");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue();
    }

    [Theory]
    [InlineData("""{ "emailId": "999999", "contactId": "{contact}" }""", "emailId")]
    [InlineData("""{ "emailId": "abc", "contactId": "{contact}" }""", "emailId")]
    [InlineData("""{ "emailId": "710001", "contactId": "{contact}", "sendAt": "2020-01-01T00:00:00Z" }""", "sendAt")]
    [InlineData("""{ "emailId": "710001" }""", "contactId")]
    [InlineData("""{ "emailId": "710001", "contactId": "{contact}", "listId": "1" }""", "contactId")]
    [InlineData("""{ "emailId": "710001", "contactId": "00000000-0000-0000-0000-000000000001" }""", "contactId")]
    [InlineData("""{ "emailId": "710001", "listId": "987654321" }""", "listId")]
    [InlineData("""{ "emailId": "710001", "listId": "{emptyList}" }""", "listId")]
    public async Task Send_BadInput_400NamingTheFieldAndNothingSent(string body, string field)
    {
        var contact = await fixture.PortalContactAsync();
        var before = (await fixture.SendsAsync()).Count;
        var json = body.Replace("{contact}", contact.Id.ToString(), StringComparison.Ordinal);
        if (json.Contains("{emptyList}", StringComparison.Ordinal))
        {
            json = json.Replace("{emptyList}", await fixture.ListAsync(), StringComparison.Ordinal);
        }

        var response = await fixture.Marketer().PostAsync("/api/hubspot/email/sends", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue(problem.ToString());
        (await fixture.SendsAsync()).Count.ShouldBe(before);
    }

    [Fact]
    public async Task Templates_HubSpotFailing_503WithRetryAfter()
    {
        (await fixture.HubSpot.PostAsJsonAsync("/_sandbox/faults", new
        {
            portalId = fixture.PortalId, route = "GET /marketing/v3/emails*", seed = 3, errorRates = new Dictionary<string, double> { ["503"] = 1.0 },
        })).EnsureSuccessStatusCode();
        try
        {
            var response = await fixture.Marketer().GetAsync("/api/hubspot/email/templates");

            response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
            response.Headers.RetryAfter.ShouldNotBeNull();
            response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        }
        finally
        {
            (await fixture.HubSpot.DeleteAsync("/_sandbox/faults")).EnsureSuccessStatusCode();
        }
    }

    private async Task<JsonElement> SendAsync(object body)
    {
        var response = await fixture.Marketer().PostAsJsonAsync("/api/hubspot/email/sends", body);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task MakeDueAsync(Guid sendId)
    {
        await using var database = fixture.Server.OpenDatabase();
        var send = await database.MarketingEmailSends.IgnoreQueryFilters().SingleAsync(s => s.Id == sendId);
        send.DueAt = TimeProvider.System.GetUtcNow().UtcDateTime.AddSeconds(-1);
        await database.SaveChangesAsync();
    }
}
