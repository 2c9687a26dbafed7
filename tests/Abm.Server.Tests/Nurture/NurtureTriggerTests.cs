using System.Net.Http.Json;
using Abm.Engines.Nurture;
using Abm.Server.Features.Access;
using NurtureTriggers = Abm.Server.Features.Nurture.Enrollments.NurtureTriggers;
using Microsoft.Extensions.DependencyInjection;
using static Abm.Server.Tests.Nurture.NurtureTestData;

namespace Abm.Server.Tests.Nurture;

/// <summary>Active sequences enrol contacts by themselves when their triggers fire where the server sees contacts change.</summary>
public sealed class NurtureTriggerTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private AbmServerFactory Server => fixture.Factory;

    [Fact]
    public async Task Event_PricingInquiryArrives_EnrolsTheContactInTheSequenceItTriggers()
    {
        var (client, workspace) = await Server.MarketerInNewWorkspaceAsync();
        var pricing = await ActiveSequenceAsync(client, Triggered("""{ "type": "event", "eventType": "pricing_inquiry" }"""));
        var demo = await ActiveSequenceAsync(client, Triggered("""{ "type": "event", "eventType": "demo_request" }"""));
        var contact = await ContactAsync(Server, workspace);

        (await client.PostAsJsonAsync("/api/events", new { events = new[] { new { type = "pricing_inquiry", occurredAt = TimeProvider.System.GetUtcNow(), contactHubSpotId = contact.HubSpotId } } }))
            .EnsureSuccessStatusCode();

        var enrolled = (await client.GetFromJsonAsync<EnrollmentPage>($"/api/nurture/enrollments?contactId={contact.Id}"))!.Items;
        enrolled.ShouldHaveSingleItem().SequenceId.ShouldBe(pricing);
        enrolled[0].EnrolledBy.ShouldBe("trigger:event");
        enrolled.ShouldNotContain(e => e.SequenceId == demo);
    }

    [Fact]
    public async Task Recompute_ScoreCrossesUpAndContactInSegment_EnrolsByEachTriggerOnce()
    {
        var (client, workspace) = await Server.MarketerInNewWorkspaceAsync();
        var crossing = await ActiveSequenceAsync(client, Triggered("""{ "type": "score_crossed", "threshold": 1, "direction": "up" }"""));
        var segment = await ActiveSequenceAsync(client, Triggered("""{ "type": "segment_joined", "segment": "engaged" }"""));
        var scored = await ContactAsync(Server, workspace);
        var member = await ContactAsync(Server, workspace, segments: ["engaged"]);
        (await client.PostAsJsonAsync("/api/events", new { events = new[] { new { type = "content_download", occurredAt = TimeProvider.System.GetUtcNow(), contactHubSpotId = scored.HubSpotId } } }))
            .EnsureSuccessStatusCode();

        await Eventually.WaitForAsync(async () =>
            (await client.GetFromJsonAsync<EnrollmentPage>($"/api/nurture/enrollments?sequenceId={crossing}"))!.Items.FirstOrDefault(), "the score-crossing enrolment");
        (await client.PostAsync("/api/engagement/recompute", null)).EnsureSuccessStatusCode();
        (await client.PostAsync("/api/engagement/recompute", null)).EnsureSuccessStatusCode();

        var byScore = (await client.GetFromJsonAsync<EnrollmentPage>($"/api/nurture/enrollments?sequenceId={crossing}"))!.Items;
        var bySegment = (await client.GetFromJsonAsync<EnrollmentPage>($"/api/nurture/enrollments?sequenceId={segment}"))!.Items;
        byScore.ShouldHaveSingleItem().ContactId.ShouldBe(scored.Id);
        byScore[0].EnrolledBy.ShouldBe("trigger:score_crossed");
        bySegment.ShouldHaveSingleItem().ContactId.ShouldBe(member.Id);
        bySegment[0].EnrolledBy.ShouldBe("trigger:segment_joined");
    }

    [Fact]
    public async Task LeadPriorityHook_HighPrioritySet_EnrolsInTheHighPrioritySequenceOnly()
    {
        var (client, workspace) = await Server.MarketerInNewWorkspaceAsync();
        var high = await ActiveSequenceAsync(client, Triggered("""{ "type": "lead_priority", "priority": "high" }"""));
        var low = await ActiveSequenceAsync(client, Triggered("""{ "type": "lead_priority", "priority": "low" }"""));
        var contact = await ContactAsync(Server, workspace);

        await using (var scope = Server.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<CurrentWorkspace>().Use(workspace);
            (await scope.ServiceProvider.GetRequiredService<NurtureTriggers>().OnLeadPriorityAsync(contact.Id, LeadPriority.High, CancellationToken.None)).ShouldBe(1);
        }

        var enrolled = (await client.GetFromJsonAsync<EnrollmentPage>($"/api/nurture/enrollments?contactId={contact.Id}"))!.Items;
        enrolled.ShouldHaveSingleItem().SequenceId.ShouldBe(high);
        enrolled.ShouldNotContain(e => e.SequenceId == low);
    }

    private static string Triggered(string trigger) => $$"""
        { "name": "Triggered {{Guid.NewGuid():N}}", "triggers": [ {{trigger}} ], "reenrollment": { "policy": "never" },
          "steps": [ { "id": "pause", "type": "wait", "duration": "30d" }, { "id": "done", "type": "end" } ] }
        """;
}
