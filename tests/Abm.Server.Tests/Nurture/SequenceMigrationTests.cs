using System.Net;
using System.Net.Http.Json;
using System.Text;
using static Abm.Server.Tests.Nurture.NurtureTestData;

namespace Abm.Server.Tests.Nurture;

/// <summary>Running enrolments move to a sequence's new version only when asked, and only where their step still exists.</summary>
public sealed class SequenceMigrationTests(NurtureSandbox fixture) : IClassFixture<NurtureSandbox>
{
    [Fact]
    public async Task Migrate_EditedSequence_MovesEnrolmentsWhoseStepExistsAndReportsTheOthers()
    {
        var client = fixture.Marketer();
        var name = $"Migrated {Guid.NewGuid():N}";
        var sequence = await ActiveSequenceAsync(client, Document(name, "hold", "Call them"));
        var contacts = new[] { await fixture.PortalContactAsync(), await fixture.PortalContactAsync() };
        await EnrollAsync(client, new { sequenceId = sequence, contactIds = contacts.Select(c => c.Id) });
        await fixture.RunAsync(); // both now wait at "hold" on version 1

        await PutAsync(client, sequence, Document(name, "hold", "Call them today"));
        (await EnrolmentsAsync(client, sequence)).ShouldAllBe(e => e.SequenceVersion == 1 && e.CurrentStepId == "hold", "an edit alone moves nobody");

        var moved = await MigrateAsync(client, sequence, new { fromVersion = 1 });

        (moved.ToVersion, moved.Migrated, moved.NotMigrated.Count).ShouldBe((2, 2, 0));
        (await EnrolmentsAsync(client, sequence)).ShouldAllBe(e => e.SequenceVersion == 2 && e.CurrentStepId == "hold");

        await PutAsync(client, sequence, Document(name, "pause", "Call them"));
        var refused = await MigrateAsync(client, sequence, new { });

        (refused.ToVersion, refused.Migrated).ShouldBe((3, 0));
        refused.NotMigrated.Select(s => (s.Version, s.StepId)).ShouldBe([(2, "hold"), (2, "hold")]);
        refused.NotMigrated.ShouldAllBe(s => s.Reason.Contains("not in version 3"));
        (await EnrolmentsAsync(client, sequence)).ShouldAllBe(e => e.SequenceVersion == 2);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public async Task Migrate_FromVersionNotOlderThanCurrent_Is400NamingTheField(int fromVersion)
    {
        var client = fixture.Marketer();
        var sequence = await ActiveSequenceAsync(client, Document($"Not older {Guid.NewGuid():N}", "hold", "Call"));

        var response = await client.PostAsJsonAsync($"/api/nurture/sequences/{sequence}/migrate", new { fromVersion });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("fromVersion");
    }

    private static string Document(string name, string waitId, string taskTitle) => $$"""
        { "name": "{{name}}", "steps": [
          { "id": "{{waitId}}", "type": "wait", "duration": "3d" },
          { "id": "task", "type": "create_task", "title": "{{taskTitle}}", "owner": { "kind": "contact_owner" }, "priority": "LOW", "dueInDays": 2 } ] }
        """;

    private static async Task PutAsync(HttpClient client, Guid sequence, string document) =>
        (await client.PutAsync($"/api/nurture/sequences/{sequence}", new StringContent(document, Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();

    private static async Task<List<Enrollment>> EnrolmentsAsync(HttpClient client, Guid sequence) =>
        (await client.GetFromJsonAsync<EnrollmentPage>($"/api/nurture/enrollments?sequenceId={sequence}"))!.Items;

    private static async Task<Migration> MigrateAsync(HttpClient client, Guid sequence, object request)
    {
        var response = await client.PostAsJsonAsync($"/api/nurture/sequences/{sequence}/migrate", request);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<Migration>())!;
    }

    private sealed record Skip(Guid EnrollmentId, int Version, string? StepId, string Reason);

    private sealed record Migration(Guid SequenceId, int ToVersion, int Migrated, List<Skip> NotMigrated);
}
