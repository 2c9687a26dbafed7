using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Abm.Data.Entities;
using Abm.Server.Features.Nurture.Execution;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Abm.Server.Tests.Nurture.NurtureTestData;

namespace Abm.Server.Tests.Nurture;

/// <summary>The nurture worker's passes against the sandbox over HTTP: every acting step, goals, guardrails, crashes between phases, parking.</summary>
public sealed class NurtureExecutionTests(NurtureSandbox fixture) : IClassFixture<NurtureSandbox>
{
    [Fact]
    public async Task Run_EveryActingStep_ActsOnHubSpotOnceAndCompletes()
    {
        var client = fixture.Marketer();
        var item = await ContentAsync(client, "https://example.com/guide");
        var list = await ListAsync($"nurture-{Guid.NewGuid():N}");
        var sequence = await ActiveSequenceAsync(client, $$"""
            { "name": "All steps {{Guid.NewGuid():N}}", {{AlwaysOpen}},
              "steps": [
                { "id": "send", "type": "send_content", "contentId": "{{item}}" },
                { "id": "task", "type": "create_task", "title": "Call them", "owner": { "kind": "contact_owner" }, "priority": "HIGH", "dueInDays": 2 },
                { "id": "mark", "type": "update_property", "property": "jobtitle", "value": "Nurtured" },
                { "id": "join", "type": "add_to_list", "listId": "{{list}}" },
                { "id": "done", "type": "end" } ] }
            """);
        var contact = await fixture.PortalContactAsync();
        await EnrollAsync(client, new { sequenceId = sequence, contactId = contact.Id });

        await fixture.RunAsync();

        var view = await client.GetFromJsonAsync<ContactNurture>($"/api/contacts/{contact.Id}/nurture");
        view!.Enrollments.Single().Status.ShouldBe("completed");
        view.Timeline.Select(a => (a.StepId, a.Kind, a.Status)).ShouldBe(
            [("join", "add_to_list", "done"), ("mark", "update_property", "done"), ("task", "create_task", "done"), ("send", "send_content", "done")], ignoreOrder: true);
        var sendAction = view.Timeline.Single(a => a.Kind == "send_content");
        var sent = (await fixture.SendsAsync()).Where(s => s.GetProperty("sendId").GetString() == sendAction.SendId).ToList();
        sent.Count.ShouldBe(1);
        sent[0].GetProperty("to").GetString().ShouldBe(contact.Email);
        sent[0].GetProperty("emailId").GetInt64().ShouldBe(NurtureSandbox.EmailId);
        sent[0].GetProperty("customProperties").GetProperty("content_url").GetString()!.ShouldStartWith("https://example.com/guide?abm_t=");
        var task = (await fixture.TasksAsync(ActionPerformer.MarkerOf(view.Timeline.Single(a => a.Kind == "create_task").Id))).ShouldHaveSingleItem();
        task.GetProperty("properties").GetProperty("hs_task_priority").GetString().ShouldBe("HIGH");
        task.GetProperty("id").GetString().ShouldBe(view.Timeline.Single(a => a.Kind == "create_task").HubSpotId);
        (await MembersAsync(list)).ShouldContain(contact.HubSpotId);
        await using var database = fixture.Server.OpenDatabase();
        (await database.HubSpotOutbox.IgnoreQueryFilters().SingleAsync(o => o.HubSpotId == contact.HubSpotId && o.Status == "pending")).Properties.ShouldContain("Nurtured");
    }

    [Fact]
    public async Task Run_RecommendedContent_SendsTheBestItemNotSentBeforeAndThenAnother()
    {
        var client = fixture.Marketer();
        await ContentAsync(client, "https://example.com/one");
        await ContentAsync(client, "https://example.com/two");
        var sequence = await ActiveSequenceAsync(client, $$"""
            { "name": "Two sends {{Guid.NewGuid():N}}", {{AlwaysOpen}},
              "steps": [ { "id": "first", "type": "send_content" }, { "id": "second", "type": "send_content" }, { "id": "done", "type": "end" } ] }
            """);
        var contact = await fixture.PortalContactAsync();
        await EnrollAsync(client, new { sequenceId = sequence, contactId = contact.Id });

        await fixture.RunAsync();

        var sends = (await client.GetFromJsonAsync<ContactNurture>($"/api/contacts/{contact.Id}/nurture"))!.Timeline.Where(a => a.Kind == "send_content").ToList();
        sends.Count.ShouldBe(2);
        sends.ShouldAllBe(a => a.Status == "done" && a.ContentId != null);
        sends.Select(a => a.ContentId).Distinct().Count().ShouldBe(2);
    }

    [Theory]
    [InlineData("meeting_booked")]
    [InlineData("demo_request")]
    [InlineData("deal_created")]
    [InlineData("unsubscribe")]
    [InlineData("reply")]
    public async Task Run_GoalReachedAfterEnrolment_ExitsBeforeTheNextStep(string goal)
    {
        var client = fixture.Marketer();
        var item = await ContentAsync(client, "https://example.com/goal");
        var sequence = await ActiveSequenceAsync(client, $$"""
            { "name": "Goal {{Guid.NewGuid():N}}", {{AlwaysOpen}}, "goals": ["{{goal}}"],
              "steps": [ { "id": "send", "type": "send_content", "contentId": "{{item}}" }, { "id": "done", "type": "end" } ] }
            """);
        var contact = await fixture.PortalContactAsync();
        await EnrollAsync(client, new { sequenceId = sequence, contactId = contact.Id });
        await ReachAsync(goal, contact);

        await fixture.RunAsync();

        var view = (await client.GetFromJsonAsync<ContactNurture>($"/api/contacts/{contact.Id}/nurture"))!;
        (view.Enrollments.Single().Status, view.Enrollments.Single().ExitReason).ShouldBe(("goal_reached", goal));
        view.Timeline.ShouldBeEmpty();
    }

    [Fact]
    public async Task Run_ReplyLoggedBeforeTheEnrolment_IsNotItsGoal()
    {
        var client = fixture.Marketer();
        var item = await ContentAsync(client, "https://example.com/old-reply");
        var sequence = await ActiveSequenceAsync(client, $$"""
            { "name": "Old reply {{Guid.NewGuid():N}}", {{AlwaysOpen}}, "goals": ["reply"],
              "steps": [ { "id": "send", "type": "send_content", "contentId": "{{item}}" }, { "id": "done", "type": "end" } ] }
            """);
        var contact = await fixture.PortalContactAsync("""{"hs_sales_email_last_replied":"2020-03-04T05:06:07.000Z"}""");
        await EnrollAsync(client, new { sequenceId = sequence, contactId = contact.Id });

        await fixture.RunAsync();

        var view = (await client.GetFromJsonAsync<ContactNurture>($"/api/contacts/{contact.Id}/nurture"))!;
        view.Enrollments.Single().Status.ShouldBe("completed");
        view.Timeline.Single().Status.ShouldBe("done");
    }

    [Fact]
    public async Task Run_ContactOptedOutInHubSpotOnly_SkipsTheSendWithItsReasonAndExitsOnTheUnsubscribeGoal()
    {
        var client = fixture.Marketer();
        var item = await ContentAsync(client, "https://example.com/consent");
        var sequence = await ActiveSequenceAsync(client, $$"""
            { "name": "Consent {{Guid.NewGuid():N}}", {{AlwaysOpen}}, "goals": ["unsubscribe"],
              "steps": [ { "id": "send", "type": "send_content", "contentId": "{{item}}" }, { "id": "pause", "type": "wait", "duration": "1d" }, { "id": "done", "type": "end" } ] }
            """);
        var contact = await fixture.PortalContactAsync();
        await EnrollAsync(client, new { sequenceId = sequence, contactId = contact.Id });
        (await fixture.HubSpot.PatchAsJsonAsync($"/crm/v3/objects/contacts/{contact.HubSpotId}", new { properties = new { hs_email_optout = "true" } })).EnsureSuccessStatusCode();
        var before = (await fixture.SendsAsync()).Count(s => s.GetProperty("to").GetString() == contact.Email);

        await fixture.RunAsync();

        var view = (await client.GetFromJsonAsync<ContactNurture>($"/api/contacts/{contact.Id}/nurture"))!;
        var skipped = view.Timeline.Single();
        (skipped.Kind, skipped.Status).ShouldBe(("send_content", "skipped"));
        skipped.Reason!.ShouldStartWith("unsubscribed: HubSpot reports");
        (view.Enrollments.Single().Status, view.Enrollments.Single().ExitReason).ShouldBe(("goal_reached", "unsubscribe"));
        (await fixture.SendsAsync()).Count(s => s.GetProperty("to").GetString() == contact.Email).ShouldBe(before);
    }

    [Fact]
    public async Task Run_ContactAtTheWeeklyCap_SkipsTheSendWithTheCapAsReason()
    {
        var client = fixture.Marketer();
        var item = await ContentAsync(client, "https://example.com/capped");
        var sequence = await ActiveSequenceAsync(client, $$"""
            { "name": "Cap {{Guid.NewGuid():N}}", "guardrails": { "respectQuietHours": false, "skipWeekends": false },
              "steps": [ { "id": "send", "type": "send_content", "contentId": "{{item}}" }, { "id": "done", "type": "end" } ] }
            """);
        var contact = await fixture.PortalContactAsync();
        await EarlierSendsAsync(contact, 3);
        await EnrollAsync(client, new { sequenceId = sequence, contactId = contact.Id });

        await fixture.RunAsync();

        var action = (await client.GetFromJsonAsync<ContactNurture>($"/api/contacts/{contact.Id}/nurture"))!.Timeline.Single(a => a.StepId == "send");
        action.Status.ShouldBe("skipped");
        action.Reason!.ShouldContain("frequency cap");
    }

    [Fact]
    public async Task Run_ContactInQuietHours_DefersTheSendToItsSendingWindowWithoutActing()
    {
        var client = fixture.Marketer();
        var item = await ContentAsync(client, "https://example.com/quiet");
        var sequence = await ActiveSequenceAsync(client, $$"""
            { "name": "Quiet {{Guid.NewGuid():N}}", "steps": [ { "id": "send", "type": "send_content", "contentId": "{{item}}" }, { "id": "done", "type": "end" } ] }
            """);
        var (zone, hubSpotSpelling) = ZoneInTheSmallHours();
        var contact = await fixture.PortalContactAsync(JsonSerializer.Serialize(new Dictionary<string, string> { ["hs_timezone"] = hubSpotSpelling }));
        var enrollment = (await EnrollAsync(client, new { sequenceId = sequence, contactId = contact.Id })).For(contact.Id).EnrollmentId!.Value;

        var started = TimeProvider.System.GetUtcNow();
        await fixture.RunAsync();

        await using var database = fixture.Server.OpenDatabase();
        var row = await database.NurtureEnrollments.IgnoreQueryFilters().SingleAsync(e => e.Id == enrollment);
        (await database.NurtureActions.IgnoreQueryFilters().AnyAsync(a => a.EnrollmentId == enrollment)).ShouldBeFalse();
        var due = new DateTimeOffset(DateTime.SpecifyKind(row.NextActionDue!.Value, DateTimeKind.Utc));
        var local = TimeZoneInfo.ConvertTime(due, zone);
        local.TimeOfDay.ShouldBe(TimeSpan.FromHours(8), $"due {due} in {zone.Id}");
        local.DayOfWeek.ShouldNotBeOneOf(DayOfWeek.Saturday, DayOfWeek.Sunday);
        due.ShouldBeGreaterThan(started);
    }

    [Fact]
    public async Task Run_CrashAfterTheLogWriteBeforeTheCall_SendsAndCreatesTheTaskOnceOnRetry()
    {
        var (contact, enrollment) = await SendThenTaskAsync();
        await using (var scope = fixture.Server.Services.GetRequiredService<NurtureRunner>().Scope(fixture.Workspace))
        {
            var claimed = await scope.ServiceProvider.GetRequiredService<DueEnrollments>().ClaimAsync(TimeProvider.System.GetUtcNow().UtcDateTime, CancellationToken.None);
            (await scope.ServiceProvider.GetRequiredService<ActionPlanner>().PlanAsync(claimed, CancellationToken.None)).ShouldNotBeEmpty();
            // The process dies here: the action log has the send, HubSpot has nothing.
        }

        await fixture.ExpireClaimAsync(enrollment);
        await fixture.RunAsync();

        await AssertOnceAsync(contact);
    }

    [Fact]
    public async Task Run_CrashAfterTheCallsBeforeTheirOutcomeIsSaved_NeitherSendsNorCreatesTwice()
    {
        var (contact, enrollment) = await SendThenTaskAsync();
        for (var step = 0; step < 2; step++)
        {
            await using var scope = fixture.Server.Services.GetRequiredService<NurtureRunner>().Scope(fixture.Workspace);
            var claimed = await scope.ServiceProvider.GetRequiredService<DueEnrollments>().ClaimAsync(TimeProvider.System.GetUtcNow().UtcDateTime, CancellationToken.None);
            var pending = await scope.ServiceProvider.GetRequiredService<ActionPlanner>().PlanAsync(claimed, CancellationToken.None);
            var outcomes = await scope.ServiceProvider.GetRequiredService<ActionPerformer>().PerformAsync(await fixture.ClientAsync(), pending, CancellationToken.None);
            outcomes.ShouldAllBe(o => o.Status == "done");
            if (step == 0)
            {
                await scope.ServiceProvider.GetRequiredService<ActionSettler>().SettleAsync(outcomes, CancellationToken.None); // the send is settled
            }

            // On the second step (the task) the process dies after HubSpot created it, before its outcome is saved.
        }

        await fixture.ExpireClaimAsync(enrollment);
        await fixture.RunAsync();

        await AssertOnceAsync(contact);
    }

    [Fact]
    public async Task Renew_ClaimLapsedAndTakenByAnotherClaim_TheBatchDropsItAndTheActionHappensOnce()
    {
        var (contact, enrollment) = await SendThenTaskAsync();
        var runner = fixture.Server.Services.GetRequiredService<NurtureRunner>();
        await using var late = runner.Scope(fixture.Workspace);
        var claimed = await late.ServiceProvider.GetRequiredService<DueEnrollments>().ClaimAsync(TimeProvider.System.GetUtcNow().UtcDateTime, CancellationToken.None);
        var planned = await late.ServiceProvider.GetRequiredService<ActionPlanner>().PlanAsync(claimed, CancellationToken.None);
        planned.ShouldContain(p => p.Context.Enrollment.Id == enrollment);

        // The batch waited longer than its claim: another claim takes the enrolment and finds the logged send.
        await fixture.ExpireClaimAsync(enrollment);
        await using (var other = runner.Scope(fixture.Workspace))
        {
            var taken = await other.ServiceProvider.GetRequiredService<DueEnrollments>().ClaimAsync(TimeProvider.System.GetUtcNow().UtcDateTime, CancellationToken.None);
            var resumed = await other.ServiceProvider.GetRequiredService<ActionPlanner>().PlanAsync(taken, CancellationToken.None);
            resumed.Single(p => p.Context.Enrollment.Id == enrollment).MayHaveRun.ShouldBeTrue();

            (await late.ServiceProvider.GetRequiredService<DueEnrollments>().RenewAsync(planned, CancellationToken.None))
                .ShouldNotContain(p => p.Context.Enrollment.Id == enrollment);

            var renewed = await other.ServiceProvider.GetRequiredService<DueEnrollments>().RenewAsync(resumed, CancellationToken.None);
            var outcomes = await other.ServiceProvider.GetRequiredService<ActionPerformer>().PerformAsync(await fixture.ClientAsync(), renewed, CancellationToken.None);
            await other.ServiceProvider.GetRequiredService<ActionSettler>().SettleAsync(outcomes, CancellationToken.None);
        }

        await fixture.RunAsync();

        await AssertOnceAsync(contact);
    }

    [Fact]
    public async Task Run_SendRepeatedAfterACrash_HubSpotIgnoresTheSameSendId()
    {
        var (contact, enrollment) = await SendThenTaskAsync();
        await using (var scope = fixture.Server.Services.GetRequiredService<NurtureRunner>().Scope(fixture.Workspace))
        {
            var claimed = await scope.ServiceProvider.GetRequiredService<DueEnrollments>().ClaimAsync(TimeProvider.System.GetUtcNow().UtcDateTime, CancellationToken.None);
            var pending = await scope.ServiceProvider.GetRequiredService<ActionPlanner>().PlanAsync(claimed, CancellationToken.None);
            await scope.ServiceProvider.GetRequiredService<ActionPerformer>().PerformAsync(await fixture.ClientAsync(), pending, CancellationToken.None);
            // Dies after the send went out.
        }

        await fixture.ExpireClaimAsync(enrollment);
        await fixture.RunAsync();

        await AssertOnceAsync(contact);
    }

    [Fact]
    public async Task Run_ActionHubSpotRefuses_IsParkedWithItsReasonAndTheSequenceDecidesWhatFollows()
    {
        var client = fixture.Marketer();
        var goesOn = await ActiveSequenceAsync(client, $$"""
            { "name": "Missing list {{Guid.NewGuid():N}}", "steps": [ { "id": "join", "type": "add_to_list", "listId": "987654321" }, { "id": "mark", "type": "update_property", "property": "jobtitle", "value": "x" } ] }
            """);
        var stops = await ActiveSequenceAsync(client, $$"""
            { "name": "Missing list, stop {{Guid.NewGuid():N}}", "onActionFailure": "stop", "steps": [ { "id": "join", "type": "add_to_list", "listId": "987654321" }, { "id": "mark", "type": "update_property", "property": "jobtitle", "value": "x" } ] }
            """);
        var (first, second) = (await fixture.PortalContactAsync(), await fixture.PortalContactAsync());
        await EnrollAsync(client, new { sequenceId = goesOn, contactId = first.Id });
        await EnrollAsync(client, new { sequenceId = stops, contactId = second.Id });

        await fixture.RunAsync();

        var continued = (await client.GetFromJsonAsync<ContactNurture>($"/api/contacts/{first.Id}/nurture"))!;
        var stopped = (await client.GetFromJsonAsync<ContactNurture>($"/api/contacts/{second.Id}/nurture"))!;
        var parked = continued.Timeline.Single(a => a.StepId == "join");
        parked.Status.ShouldBe("parked");
        parked.Reason.ShouldNotBeNullOrWhiteSpace();
        continued.Timeline.Single(a => a.StepId == "mark").Status.ShouldBe("done");
        continued.Enrollments.Single().Status.ShouldBe("completed");
        (stopped.Enrollments.Single().Status, stopped.Enrollments.Single().ExitReason).ShouldBe(("exited", $"action at step 'join' failed: {parked.Reason}"));
        stopped.Timeline.ShouldHaveSingleItem().Status.ShouldBe("parked");
    }

    [Fact]
    public async Task Run_PausedSequence_LeavesItsEnrolmentsUntilResumed()
    {
        var client = fixture.Marketer();
        var sequence = await ActiveSequenceAsync(client, $$"""
            { "name": "Paused {{Guid.NewGuid():N}}", "steps": [ { "id": "mark", "type": "update_property", "property": "jobtitle", "value": "p" } ] }
            """);
        var contact = await fixture.PortalContactAsync();
        await EnrollAsync(client, new { sequenceId = sequence, contactId = contact.Id });
        (await client.PostAsync($"/api/nurture/sequences/{sequence}/pause", null)).EnsureSuccessStatusCode();

        await fixture.RunAsync();
        var whilePaused = (await client.GetFromJsonAsync<ContactNurture>($"/api/contacts/{contact.Id}/nurture"))!;
        (await client.PostAsync($"/api/nurture/sequences/{sequence}/activate", null)).EnsureSuccessStatusCode();
        await fixture.RunAsync();
        var resumed = (await client.GetFromJsonAsync<ContactNurture>($"/api/contacts/{contact.Id}/nurture"))!;

        whilePaused.Enrollments.Single().Status.ShouldBe("active");
        whilePaused.Timeline.ShouldBeEmpty();
        resumed.Enrollments.Single().Status.ShouldBe("completed");
    }

    [Fact]
    public async Task Stats_TwoContactsOneOpensAndBooksAMeeting_CountsPerStepAndConvertsHalf()
    {
        var client = fixture.Marketer();
        var item = await ContentAsync(client, "https://example.com/stats");
        var sequence = await ActiveSequenceAsync(client, $$"""
            { "name": "Stats {{Guid.NewGuid():N}}", {{AlwaysOpen}},
              "steps": [ { "id": "send", "type": "send_content", "contentId": "{{item}}" },
                         { "id": "task", "type": "create_task", "title": "Call", "owner": { "kind": "contact_owner" }, "priority": "LOW", "dueInDays": 1 } ] }
            """);
        var (booked, quiet) = (await fixture.PortalContactAsync(), await fixture.PortalContactAsync());
        await EnrollAsync(client, new { sequenceId = sequence, contactIds = new[] { booked.Id, quiet.Id } });
        await fixture.RunAsync();
        await ReachAsync("email_open", booked);
        await ReachAsync("meeting_booked", booked);

        var stats = (await client.GetFromJsonAsync<JsonElement>($"/api/nurture/sequences/{sequence}/stats"));

        (stats.GetProperty("enrolled").GetInt32(), stats.GetProperty("completed").GetInt32(), stats.GetProperty("sends").GetInt32()).ShouldBe((2, 2, 2));
        (stats.GetProperty("opened").GetInt32(), stats.GetProperty("tasksCreated").GetInt32()).ShouldBe((1, 2));
        (stats.GetProperty("contactsSentContent").GetInt32(), stats.GetProperty("contactsWithMeetingWithin30Days").GetInt32()).ShouldBe((2, 1));
        stats.GetProperty("contentToMeetingConversion").GetDouble().ShouldBe(0.5);
        var send = stats.GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("stepId").GetString() == "send");
        (send.GetProperty("sends").GetInt32(), send.GetProperty("meetingsWithin30Days").GetInt32()).ShouldBe((2, 1));
    }

    [Fact]
    public async Task Stats_OwnerCompletesOneOfTwoTasksInHubSpot_CountedOnceTheSyncReadsItBack()
    {
        var client = fixture.Marketer();
        var step = $"call-{Guid.NewGuid():N}";
        var sequence = await ActiveSequenceAsync(client, $$"""
            { "name": "Tasks {{step}}", {{AlwaysOpen}},
              "steps": [ { "id": "{{step}}", "type": "create_task", "title": "Call", "owner": { "kind": "contact_owner" }, "priority": "HIGH", "dueInDays": 1 } ] }
            """);
        await EnrollAsync(client, new { sequenceId = sequence, contactIds = new[] { (await fixture.PortalContactAsync()).Id, (await fixture.PortalContactAsync()).Id } });
        await fixture.RunAsync();
        // The task's body names its step.
        var tasks = await fixture.TasksAsync($"'{step}'");
        tasks.Count.ShouldBe(2);

        var beforeCompletion = await fixture.PullTaskCompletionsAsync();
        (await fixture.HubSpot.PatchAsJsonAsync($"/crm/v3/objects/tasks/{tasks[0].GetProperty("id").GetString()}",
            new { properties = new { hs_task_status = "COMPLETED" } })).EnsureSuccessStatusCode();
        var afterCompletion = await fixture.PullTaskCompletionsAsync();
        var again = await fixture.PullTaskCompletionsAsync();

        (beforeCompletion, afterCompletion, again).ShouldBe((0, 1, 0));
        var stats = await client.GetFromJsonAsync<JsonElement>($"/api/nurture/sequences/{sequence}/stats");
        (stats.GetProperty("tasksCreated").GetInt32(), stats.GetProperty("tasksCompleted").GetInt32()).ShouldBe((2, 1));
        stats.GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("stepId").GetString() == step).GetProperty("tasksCompleted").GetInt32().ShouldBe(1);
    }

    private async Task<(Contact Contact, Guid Enrollment)> SendThenTaskAsync()
    {
        var client = fixture.Marketer();
        var item = await ContentAsync(client, "https://example.com/crash");
        var sequence = await ActiveSequenceAsync(client, $$"""
            { "name": "Crash {{Guid.NewGuid():N}}", {{AlwaysOpen}},
              "steps": [ { "id": "send", "type": "send_content", "contentId": "{{item}}" },
                         { "id": "task", "type": "create_task", "title": "Follow up", "owner": { "kind": "contact_owner" }, "priority": "MEDIUM", "dueInDays": 1 } ] }
            """);
        var contact = await fixture.PortalContactAsync();
        var enrollment = (await EnrollAsync(client, new { sequenceId = sequence, contactId = contact.Id })).For(contact.Id).EnrollmentId!.Value;
        return (contact, enrollment);
    }

    /// <summary>One email and one task reached HubSpot, and the log says each was done once.</summary>
    private async Task AssertOnceAsync(Contact contact)
    {
        var view = (await fixture.Marketer().GetFromJsonAsync<ContactNurture>($"/api/contacts/{contact.Id}/nurture"))!;
        view.Enrollments.Single().Status.ShouldBe("completed");
        view.Timeline.Select(a => (a.Kind, a.Status)).ShouldBe([("create_task", "done"), ("send_content", "done")], ignoreOrder: true);
        (await fixture.SendsAsync()).Count(s => s.GetProperty("to").GetString() == contact.Email).ShouldBe(1, "emails sent to the contact");
        (await fixture.TasksAsync(ActionPerformer.MarkerOf(view.Timeline.Single(a => a.Kind == "create_task").Id))).Count.ShouldBe(1, "tasks created");
    }

    private async Task ReachAsync(string goal, Contact contact)
    {
        await using var database = fixture.Server.OpenDatabase();
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        switch (goal)
        {
            case "deal_created":
                var deal = new Deal { Id = Guid.NewGuid(), WorkspaceId = fixture.Workspace, HubSpotId = Guid.NewGuid().ToString("N")[..12], Name = "Won", CreatedAt = now, UpdatedAt = now };
                database.Deals.Add(deal);
                database.DealContacts.Add(new DealContact { WorkspaceId = fixture.Workspace, DealId = deal.Id, ContactId = contact.Id });
                break;
            case "unsubscribe":
                database.Attach(contact);
                contact.Properties = """{"hs_email_optout":"true"}""";
                break;
            case "reply":
                database.Attach(contact);
                contact.Properties = JsonSerializer.Serialize(new Dictionary<string, string> { ["hs_sales_email_last_replied"] = now.AddSeconds(1).ToString("O", CultureInfo.InvariantCulture) });
                break;
            default:
                database.EngagementEvents.Add(new EngagementEvent
                {
                    WorkspaceId = fixture.Workspace, Id = Guid.NewGuid(), ContactId = contact.Id, EventType = goal, OccurredAt = now, Source = "api", CreatedAt = now,
                });
                break;
        }

        await database.SaveChangesAsync();
    }

    private async Task EarlierSendsAsync(Contact contact, int count)
    {
        await using var database = fixture.Server.OpenDatabase();
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        var sequence = await ActiveSequenceAsync(fixture.Marketer(), $$"""{ "name": "Earlier {{Guid.NewGuid():N}}", "steps": [ { "id": "s", "type": "send_content" } ] }""");
        var enrollment = new NurtureEnrollment { Id = Guid.NewGuid(), WorkspaceId = fixture.Workspace, ContactId = contact.Id, SequenceId = sequence, Status = "completed", EnrolledAt = now };
        database.NurtureEnrollments.Add(enrollment);
        for (var i = 0; i < count; i++)
        {
            database.NurtureActions.Add(new NurtureAction
            {
                Id = Guid.NewGuid(), WorkspaceId = fixture.Workspace, EnrollmentId = enrollment.Id, SequenceId = sequence, SequenceVersion = 1, ContactId = contact.Id,
                StepId = "s", AttemptScope = i, Kind = "send_content", Status = "done", CreatedAt = now.AddDays(-i - 1), UpdatedAt = now,
            });
        }

        await database.SaveChangesAsync();
    }

    private async Task<string> ListAsync(string name)
    {
        var response = await fixture.HubSpot.PostAsync("/crm/v3/lists", new StringContent(JsonSerializer.Serialize(new { name, objectTypeId = "0-1", processingType = "MANUAL" }), Encoding.UTF8, "application/json"));
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("list").GetProperty("listId").GetString()!;
    }

    private async Task<List<string>> MembersAsync(string list) =>
        [.. (await fixture.HubSpot.GetFromJsonAsync<JsonElement>($"/crm/v3/lists/{list}/memberships")).GetProperty("results").EnumerateArray().Select(m => m.GetProperty("recordId").GetString()!)];

    /// <summary>A time zone where it is now between 01:00 and 05:00 (one always is), and HubSpot's spelling of it.</summary>
    private static (TimeZoneInfo Zone, string HubSpotSpelling) ZoneInTheSmallHours()
    {
        string[] ids =
        [
            "Pacific/Pago_Pago", "Pacific/Honolulu", "America/Anchorage", "America/Los_Angeles", "America/Denver", "America/Chicago", "America/New_York",
            "America/Halifax", "America/Sao_Paulo", "Atlantic/South_Georgia", "Atlantic/Azores", "Europe/London", "Europe/Paris", "Europe/Athens", "Europe/Moscow",
            "Asia/Dubai", "Asia/Karachi", "Asia/Dhaka", "Asia/Bangkok", "Asia/Shanghai", "Asia/Tokyo", "Australia/Brisbane", "Pacific/Noumea", "Pacific/Fiji",
            "Pacific/Tongatapu", "Pacific/Kiritimati",
        ];
        var now = TimeProvider.System.GetUtcNow();
        var zone = ids.Select(TimeZoneInfo.FindSystemTimeZoneById).First(z => TimeZoneInfo.ConvertTime(now, z).Hour is >= 1 and < 5);
        return (zone, zone.Id.ToLowerInvariant().Replace("/", "_slash_", StringComparison.Ordinal));
    }
}
