using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using static Abm.Server.Tests.Nurture.NurtureTestData;

namespace Abm.Server.Tests.Nurture;

public sealed class EnrollmentApiTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private const string Drip = """
        { "name": "Drip", "reenrollment": { "policy": "REENROLL" },
          "steps": [ { "id": "send", "type": "send_content" }, { "id": "pause", "type": "wait", "duration": "3d" }, { "id": "done", "type": "end" } ] }
        """;

    private AbmServerFactory Server => fixture.Factory;

    [Fact]
    public async Task Enroll_MixedContacts_ReportsEachContactsOutcomeWithoutFailingTheBatch()
    {
        var (client, workspace) = await Server.MarketerInNewWorkspaceAsync();
        var sequence = await ActiveSequenceAsync(client, Drip.Replace("REENROLL", "after_exit", StringComparison.Ordinal));
        var ready = await ContactAsync(Server, workspace);
        var noEmail = await ContactAsync(Server, workspace, email: null);
        var optedOut = await ContactAsync(Server, workspace, properties: """{"hs_email_optout":"true"}""");
        var enrolledBefore = await ContactAsync(Server, workspace);
        var unknown = Guid.NewGuid();
        await EnrollAsync(client, new { sequenceId = sequence, contactId = enrolledBefore.Id });

        var result = await EnrollAsync(client, new { sequenceId = sequence, contactIds = new[] { ready.Id, noEmail.Id, optedOut.Id, enrolledBefore.Id, unknown } });

        (result.Enrolled, result.NotEnrolled).ShouldBe((1, 4));
        result.For(ready.Id).Outcome.ShouldBe("enrolled");
        result.For(ready.Id).EnrollmentId.ShouldNotBeNull();
        result.For(noEmail.Id).Outcome.ShouldBe("cannot_receive_email");
        result.For(optedOut.Id).Outcome.ShouldBe("cannot_receive_email");
        result.For(optedOut.Id).Reason!.ShouldContain("hs_email_optout");
        result.For(enrolledBefore.Id).Outcome.ShouldBe("already_enrolled");
        result.For(unknown).Outcome.ShouldBe("not_found");
    }

    [Fact]
    public async Task Enroll_ReenrollmentPolicies_RefuseOrAllowAfterTheFirstEnrolmentEnds()
    {
        var (client, workspace) = await Server.MarketerInNewWorkspaceAsync();
        var once = await ActiveSequenceAsync(client, Drip.Replace("REENROLL", "never", StringComparison.Ordinal));
        var again = await ActiveSequenceAsync(client, Drip.Replace("REENROLL", "after_exit", StringComparison.Ordinal));
        var contact = await ContactAsync(Server, workspace);
        foreach (var sequence in new[] { once, again })
        {
            var first = await EnrollAsync(client, new { sequenceId = sequence, contactId = contact.Id });
            (await client.DeleteAsync($"/api/nurture/enrollments/{first.For(contact.Id).EnrollmentId}")).EnsureSuccessStatusCode();
        }

        (await EnrollAsync(client, new { sequenceId = once, contactId = contact.Id })).For(contact.Id).Outcome.ShouldBe("not_reenrollable");
        (await EnrollAsync(client, new { sequenceId = again, contactId = contact.Id })).For(contact.Id).Outcome.ShouldBe("enrolled");
    }

    [Fact]
    public async Task Enroll_BySegment_EnrolsItsMembersAndSaysWhatEnrolledThem()
    {
        var (client, workspace) = await Server.MarketerInNewWorkspaceAsync();
        var sequence = await ActiveSequenceAsync(client, Drip.Replace("REENROLL", "never", StringComparison.Ordinal));
        var members = new[] { await ContactAsync(Server, workspace, segments: ["engaged"]), await ContactAsync(Server, workspace, segments: ["engaged", "cold"]) };
        await ContactAsync(Server, workspace, segments: ["cold"]);

        var result = await EnrollAsync(client, new { sequenceId = sequence, segment = "engaged" });
        var listed = await client.GetFromJsonAsync<EnrollmentPage>($"/api/nurture/enrollments?sequenceId={sequence}&status=active");

        result.Contacts.Select(c => c.ContactId).ShouldBe(members.Select(m => m.Id), ignoreOrder: true);
        listed!.Total.ShouldBe(2);
        listed.Items.ShouldAllBe(e => e.EnrolledBy == "bulk:segment:engaged" && e.CurrentStepId == "send" && e.SequenceVersion == 1);
    }

    [Fact]
    public async Task Unenroll_ActiveEnrolment_ExitsItAndTheContactViewShowsIt()
    {
        var (client, workspace) = await Server.MarketerInNewWorkspaceAsync();
        var sequence = await ActiveSequenceAsync(client, Drip.Replace("REENROLL", "never", StringComparison.Ordinal));
        var contact = await ContactAsync(Server, workspace);
        var enrollment = (await EnrollAsync(client, new { sequenceId = sequence, contactId = contact.Id })).For(contact.Id).EnrollmentId;

        var unenrolled = await client.DeleteAsync($"/api/nurture/enrollments/{enrollment}");
        var twice = await client.DeleteAsync($"/api/nurture/enrollments/{enrollment}");
        var view = await client.GetFromJsonAsync<ContactNurture>($"/api/contacts/{contact.Id}/nurture");

        unenrolled.StatusCode.ShouldBe(HttpStatusCode.OK);
        twice.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        view!.Enrollments.Single().Status.ShouldBe("exited");
        view.Enrollments.Single().ExitReason.ShouldBe("unenrolled");
    }

    [Fact]
    public async Task Enroll_SequenceEditedAfterwards_EnrolmentStaysOnItsVersion()
    {
        var (client, workspace) = await Server.MarketerInNewWorkspaceAsync();
        var document = Drip.Replace("REENROLL", "never", StringComparison.Ordinal);
        var sequence = await ActiveSequenceAsync(client, document);
        var early = await ContactAsync(Server, workspace);
        var late = await ContactAsync(Server, workspace);
        await EnrollAsync(client, new { sequenceId = sequence, contactId = early.Id });

        (await client.PutAsync($"/api/nurture/sequences/{sequence}", new StringContent(document.Replace("3d", "5d", StringComparison.Ordinal), Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
        await EnrollAsync(client, new { sequenceId = sequence, contactId = late.Id });
        var listed = await client.GetFromJsonAsync<EnrollmentPage>($"/api/nurture/enrollments?sequenceId={sequence}");

        listed!.Items.Single(e => e.ContactId == early.Id).SequenceVersion.ShouldBe(1);
        listed.Items.Single(e => e.ContactId == late.Id).SequenceVersion.ShouldBe(2);
    }

    [Fact]
    public async Task Enroll_BadRequests_NameTheFieldOrRefuseAnInactiveSequence()
    {
        var (client, workspace) = await Server.MarketerInNewWorkspaceAsync();
        var contact = await ContactAsync(Server, workspace);
        var created = await client.PostAsync("/api/nurture/sequences", new StringContent(Drip.Replace("REENROLL", "never", StringComparison.Ordinal), Encoding.UTF8, "application/json"));
        var draft = (await created.Content.ReadFromJsonAsync<AbmServerFactory.IdOnly>())!.Id;

        var both = await client.PostAsJsonAsync("/api/nurture/enrollments", new { sequenceId = draft, contactId = contact.Id, segment = "engaged" });
        var badFilter = await client.PostAsJsonAsync("/api/nurture/enrollments", new { sequenceId = draft, filter = new { stage = "nowhere" } });
        var inactive = await client.PostAsJsonAsync("/api/nurture/enrollments", new { sequenceId = draft, contactId = contact.Id });
        var badStatus = await client.GetAsync("/api/nurture/enrollments?status=sleeping");

        both.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await both.Content.ReadFromJsonAsync<ValidationProblemDetails>())!.Errors.Keys.ShouldContain("contactId");
        (await badFilter.Content.ReadFromJsonAsync<ValidationProblemDetails>())!.Errors.Keys.ShouldContain("filter.stage");
        inactive.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await badStatus.Content.ReadFromJsonAsync<ValidationProblemDetails>())!.Errors.Keys.ShouldContain("status");
    }

    [Fact]
    public async Task Guardrails_DefaultsThenChangedByAnAdmin_BadTimeNamesItsField()
    {
        var workspace = await Server.CreateWorkspaceAsync($"Guard {Guid.NewGuid():N}");
        var admin = Server.ClientWithKey((await Server.CreateKeyAsync("admin", workspace)).Key);

        var defaults = await admin.GetFromJsonAsync<Guardrails>("/api/nurture/guardrails");
        var changed = await admin.PutAsJsonAsync("/api/nurture/guardrails", defaults! with { MaxTouchesPerContactPerWeek = 5, QuietStart = "21:30" });
        var bad = await admin.PutAsJsonAsync("/api/nurture/guardrails", defaults with { QuietEnd = "8 o'clock" });
        var after = await admin.GetFromJsonAsync<Guardrails>("/api/nurture/guardrails");

        defaults.ShouldBe(new Guardrails(3, 3, true, "20:00", "08:00", true));
        changed.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await bad.Content.ReadFromJsonAsync<ValidationProblemDetails>())!.Errors.Keys.ShouldBe(["quietEnd"]);
        after.ShouldBe(new Guardrails(5, 3, true, "21:30", "08:00", true));
    }

    private sealed record Guardrails(int MaxTouchesPerContactPerWeek, int MaxTouchesPerAccountPerDay, bool RespectQuietHours, string QuietStart, string QuietEnd, bool SkipWeekends);
}
