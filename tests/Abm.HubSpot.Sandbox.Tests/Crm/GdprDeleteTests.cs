using System.Net;
using Abm.HubSpot.Sandbox.Tests.Infrastructure;

namespace Abm.HubSpot.Sandbox.Tests.Crm;

/// <summary>
/// POST /crm/v3/objects/contacts/gdpr-delete: the contact is gone for good (no read finds it, archived reads and
/// reads by email included, not even after a restart from the data file); an unknown contact or another object type is a 404.
/// </summary>
public sealed class GdprDeleteTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"sandbox-gdpr-{Guid.NewGuid():N}.db");

    public void Dispose() => File.Delete(_file);

    [Fact]
    public async Task GdprDelete_ByEmail_GoneForGoodEvenAfterARestart()
    {
        var options = TestSandbox.Options() with { DataFile = _file };
        var email = $"gdpr.{Guid.NewGuid():N}@example.com";
        string id;
        await using (var sandbox = await TestSandbox.StartAsync(options))
        {
            id = (await sandbox.CreateContactAsync(email))["id"]!.GetValue<string>();

            var (deleted, _) = await sandbox.SendAsync(HttpMethod.Post, "/crm/v3/objects/contacts/gdpr-delete", new { objectId = email.ToUpperInvariant(), idProperty = "email" });
            var (again, _) = await sandbox.SendAsync(HttpMethod.Post, "/crm/v3/objects/contacts/gdpr-delete", new { objectId = id });
            var (company, _) = await sandbox.SendAsync(HttpMethod.Post, "/crm/v3/objects/companies/gdpr-delete", new { objectId = id });

            deleted.StatusCode.ShouldBe(HttpStatusCode.NoContent);
            again.StatusCode.ShouldBe(HttpStatusCode.NotFound);
            company.StatusCode.ShouldBe(HttpStatusCode.NotFound);
            await ShouldBeGoneAsync(sandbox, id, email);
        }

        await using var restarted = await TestSandbox.StartAsync(options);
        await ShouldBeGoneAsync(restarted, id, email);
    }

    private static async Task ShouldBeGoneAsync(TestSandbox sandbox, string id, string email)
    {
        (await sandbox.SendAsync(HttpMethod.Get, $"/crm/v3/objects/contacts/{id}")).Response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await sandbox.SendAsync(HttpMethod.Get, $"/crm/v3/objects/contacts/{id}?archived=true")).Response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await sandbox.SendAsync(HttpMethod.Get, $"/crm/v3/objects/contacts/{Uri.EscapeDataString(email)}?idProperty=email")).Response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var (_, archived) = await sandbox.SendAsync(HttpMethod.Get, "/crm/v3/objects/contacts?archived=true&limit=100");
        archived!["results"]!.AsArray().Select(r => r!["id"]!.GetValue<string>()).ShouldNotContain(id);
    }
}
