using System.Net;
using System.Net.Http.Json;
using System.Text;
using Abm.Data.Entities;

namespace Abm.Server.Tests.Nurture;

/// <summary>Sequences created and activated through the API, and contacts seeded straight into the database.</summary>
internal static class NurtureTestData
{
    /// <summary>A sequence's guardrails that never hold a step back: no quiet hours or weekends, caps far above a test's touches.</summary>
    public const string AlwaysOpen = """ "guardrails": { "respectQuietHours": false, "skipWeekends": false, "maxTouchesPerContactPerWeek": 50, "maxTouchesPerAccountPerDay": 500 } """;

    /// <summary>A library item (a whitepaper) at <paramref name="url"/>.</summary>
    public static async Task<Guid> ContentAsync(HttpClient client, string url)
    {
        var response = await client.PostAsJsonAsync("/api/content", new { title = $"Guide {Guid.NewGuid():N}", contentType = "whitepaper", url });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<AbmServerFactory.IdOnly>())!.Id;
    }

    public static async Task<Guid> ActiveSequenceAsync(HttpClient client, string document)
    {
        var created = await client.PostAsync("/api/nurture/sequences", new StringContent(document, Encoding.UTF8, "application/json"));
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = (await created.Content.ReadFromJsonAsync<AbmServerFactory.IdOnly>())!.Id;
        (await client.PostAsync($"/api/nurture/sequences/{id}/activate", null)).EnsureSuccessStatusCode();
        return id;
    }

    public static async Task<Contact> ContactAsync(
        AbmServerFactory server, Guid workspace, string? email = "", string properties = "{}", string[]? segments = null, string? hubSpotId = null, Guid? companyId = null, string? ownerId = null)
    {
        var contact = new Contact
        {
            Id = Guid.NewGuid(), WorkspaceId = workspace, HubSpotId = hubSpotId ?? Random.Shared.NextInt64(1, long.MaxValue).ToString(System.Globalization.CultureInfo.InvariantCulture),
            Email = email == "" ? $"buyer.{Guid.NewGuid():N}@example.com" : email, Properties = properties, Segments = [.. segments ?? []],
            CompanyId = companyId, OwnerHubSpotId = ownerId,
        };
        await using var database = server.OpenDatabase();
        database.Contacts.Add(contact);
        await database.SaveChangesAsync();
        return contact;
    }

    public static async Task<EnrollResult> EnrollAsync(HttpClient client, object request)
    {
        var response = await client.PostAsJsonAsync("/api/nurture/enrollments", request);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<EnrollResult>())!;
    }

    internal sealed record EnrollResult(Guid SequenceId, int SequenceVersion, int Enrolled, int NotEnrolled, List<ContactOutcome> Contacts)
    {
        public ContactOutcome For(Guid contactId) => Contacts.Single(c => c.ContactId == contactId);
    }

    internal sealed record ContactOutcome(Guid ContactId, string Outcome, Guid? EnrollmentId, string? Reason);

    internal sealed record Enrollment(Guid Id, Guid SequenceId, int SequenceVersion, Guid ContactId, string Status, string? CurrentStepId, int StepsTaken, string? EnrolledBy, string? ExitReason);

    internal sealed record EnrollmentPage(List<Enrollment> Items, int Total);

    internal sealed record Action(Guid Id, Guid EnrollmentId, string StepId, int AttemptScope, string Kind, string Status, string? Reason, int Attempts, Guid? ContentId, string? SendId, string? HubSpotId);

    internal sealed record ContactNurture(Guid ContactId, List<Enrollment> Enrollments, List<Action> Timeline);
}
