using System.Data.Common;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Abm.Data;
using Abm.Data.Entities;
using Abm.HubSpot.Crm;
using Abm.Server.Features.Access;
using Abm.Server.Features.Sync;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Abm.Server.Tests.Privacy;

/// <summary>
/// <c>POST /api/contacts/{id}/erase</c>: afterwards no table holds the contact's email, name or HubSpot id (every table
/// is scanned), a second erasure is harmless, and a later sync of the same HubSpot record does not bring it back.
/// </summary>
public sealed class ContactErasureTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private AbmServerFactory Server => fixture.Factory;

    [Fact]
    public async Task Erase_ContactWithHistory_LeavesNoTraceOfItAnywhereAndReportsWhatWent()
    {
        var (workspace, admin) = await PrivacyData.AdminInNewWorkspaceAsync(Server);
        var contact = await SeedPersonAsync(workspace);
        var bystander = await SeedPersonAsync(workspace);

        using var response = await admin.PostAsync($"/api/contacts/{contact.Id}/erase", null);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var report = await response.Content.ReadFromJsonAsync<JsonElement>();
        report.GetProperty("status").GetString().ShouldBe("erased");
        var removed = report.GetProperty("removed");
        (removed.GetProperty("engagement_events").GetInt32(), removed.GetProperty("hubspot_outbox").GetInt32(), removed.GetProperty("webhook_inbox_events").GetInt32())
            .ShouldBe((2, 1, 1));
        foreach (var trace in new[] { contact.Email!, contact.HubSpotId, contact.LastName! })
        {
            (await TablesHoldingAsync(trace)).ShouldBeEmpty($"'{trace}' is still stored");
        }

        (await TablesHoldingAsync(bystander.Email!)).ShouldNotBeEmpty("someone else's data stays, their webhook events too");
        var audit = await admin.GetFromJsonAsync<JsonElement>($"/api/audit?action=contact.erased&entityId={contact.Id}");
        audit.GetProperty("total").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task Erase_Twice_SecondSaysAlreadyErasedAndAnUnknownIdIs404()
    {
        var (workspace, admin) = await PrivacyData.AdminInNewWorkspaceAsync(Server);
        var contact = await SeedPersonAsync(workspace);
        (await admin.PostAsync($"/api/contacts/{contact.Id}/erase", null)).EnsureSuccessStatusCode();

        var again = await admin.PostAsync($"/api/contacts/{contact.Id}/erase", null);
        var unknown = await admin.PostAsync($"/api/contacts/{Guid.NewGuid()}/erase", null);

        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString().ShouldBe("already_erased");
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await using var database = Server.OpenDatabase();
        (await database.AuditLog.IgnoreQueryFilters().CountAsync(a => a.WorkspaceId == workspace && a.Action == "contact.erased")).ShouldBe(1);
    }

    [Fact]
    public async Task Erase_ByEmailThenByHubSpotId_SameContactAndBadInputIs400NamingTheField()
    {
        var (workspace, admin) = await PrivacyData.AdminInNewWorkspaceAsync(Server);
        var contact = await SeedPersonAsync(workspace);

        using var byEmail = await admin.PostAsync($"/api/contacts/{Uri.EscapeDataString(contact.Email!.ToUpperInvariant())}/erase", null);
        using var byHubSpotId = await admin.PostAsync($"/api/contacts/{contact.HubSpotId}/erase", null);
        using var badId = await admin.PostAsync("/api/contacts/not%20a%20contact/erase", null);
        using var badFlag = await admin.PostAsync($"/api/contacts/{contact.Id}/erase?hubspot=maybe", null);

        var first = await byEmail.Content.ReadFromJsonAsync<JsonElement>();
        (first.GetProperty("status").GetString(), first.GetProperty("contactId").GetGuid()).ShouldBe(("erased", contact.Id));
        var second = await byHubSpotId.Content.ReadFromJsonAsync<JsonElement>();
        (second.GetProperty("status").GetString(), second.GetProperty("contactId").GetGuid()).ShouldBe(("already_erased", contact.Id));
        first.TryGetProperty("hubSpotId", out _).ShouldBeFalse("the HubSpot id is not handed back");
        badId.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await badId.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("id", out _).ShouldBeTrue();
        badFlag.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await badFlag.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("hubspot", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task EraseWithHubSpot_NoHubSpotConnection_ErasedHereAndTheReportSaysHubSpotFailedAndWhy()
    {
        var (workspace, admin) = await PrivacyData.AdminInNewWorkspaceAsync(Server);
        var contact = await SeedPersonAsync(workspace);

        var first = await (await admin.PostAsync($"/api/contacts/{contact.Id}/erase?hubspot=true", null)).Content.ReadFromJsonAsync<JsonElement>();
        var retry = await (await admin.PostAsync($"/api/contacts/{contact.HubSpotId}/erase?hubspot=true", null)).Content.ReadFromJsonAsync<JsonElement>();
        var plain = await (await admin.PostAsync($"/api/contacts/{contact.HubSpotId}/erase", null)).Content.ReadFromJsonAsync<JsonElement>();

        first.GetProperty("status").GetString().ShouldBe("erased");
        first.GetProperty("hubSpot").GetProperty("status").GetString().ShouldBe("failed");
        first.GetProperty("hubSpot").GetProperty("error").GetString()!.ShouldContain("no usable HubSpot connection");
        (retry.GetProperty("status").GetString(), retry.GetProperty("hubSpot").GetProperty("status").GetString()).ShouldBe(("already_erased", "failed"));
        plain.GetProperty("hubSpot").ValueKind.ShouldBe(JsonValueKind.Null, "HubSpot is left alone unless asked");
        await using var database = Server.OpenDatabase();
        (await database.Contacts.IgnoreQueryFilters().CountAsync(c => c.Id == contact.Id)).ShouldBe(0);
        (await database.AuditLog.IgnoreQueryFilters().CountAsync(a => a.WorkspaceId == workspace && a.Action == "contact.erased_in_hubspot")).ShouldBe(2);
    }

    [Fact]
    public async Task Sync_ErasedContactStillListedByHubSpot_IsNotWrittenBackButOthersAre()
    {
        var (workspace, admin) = await PrivacyData.AdminInNewWorkspaceAsync(Server);
        var contact = await SeedPersonAsync(workspace);
        (await admin.PostAsync($"/api/contacts/{contact.Id}/erase", null)).EnsureSuccessStatusCode();
        // The same person as HubSpot lists them: once by the HubSpot id, once under a new id with the same email (case aside).
        CrmRecord Listed(string id, string email) => new(id, new Dictionary<string, string?> { ["email"] = email, ["lastname"] = contact.LastName }, null, TimeProvider.System.GetUtcNow(), false,
            new Dictionary<string, IReadOnlyList<AssociatedObject>>());

        await using (var scope = Server.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<CurrentWorkspace>().Use(workspace);
            var writer = scope.ServiceProvider.GetRequiredService<SyncRecordWriter>();
            await writer.StageAsync("contacts", [Listed(contact.HubSpotId, "someone.new@example.com"), Listed("777000111", contact.Email!.ToUpperInvariant()), Listed("777000112", "new.buyer@example.com")], CancellationToken.None);
            await writer.CommitAsync(CancellationToken.None);
        }

        await using var database = Server.OpenDatabase();
        var stored = await database.Contacts.IgnoreQueryFilters().Where(c => c.WorkspaceId == workspace).Select(c => c.Email).ToListAsync();
        stored.ShouldBe(["new.buyer@example.com"]);
    }


    /// <summary>A contact with a name, two events, a score, a queued write-back and a webhook event about them in a batch shared with nobody else.</summary>
    private async Task<Contact> SeedPersonAsync(Guid workspace)
    {
        var contact = await Server.SeedContactAsync(workspace, "Chief Data Officer");
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        await using var database = Server.OpenDatabase();
        var stored = await database.Contacts.IgnoreQueryFilters().SingleAsync(c => c.Id == contact.Id);
        (stored.FirstName, stored.LastName) = ("Ada", $"Lovelace{Guid.NewGuid():N}"[..20]);
        database.EngagementEvents.AddRange(
            new EngagementEvent { WorkspaceId = workspace, Id = Guid.CreateVersion7(), ContactId = contact.Id, OccurredAt = now.AddDays(-1), EventType = "email_open", Source = "hubspot", CreatedAt = now },
            new EngagementEvent { WorkspaceId = workspace, Id = Guid.CreateVersion7(), ContactId = contact.Id, OccurredAt = now.AddDays(-2), EventType = "page_view", Source = "api", CreatedAt = now });
        database.HubSpotOutbox.Add(new HubSpotOutboxItem
        {
            Id = Guid.CreateVersion7(), WorkspaceId = workspace, ObjectType = "contacts", HubSpotId = contact.HubSpotId, Properties = """{"abm_content_engagement_score":"40"}""",
            NextAttemptAt = now, CreatedAt = now, UpdatedAt = now,
        });
        database.WebhookInbox.Add(new WebhookInboxItem
        {
            Id = Guid.CreateVersion7(), WorkspaceId = workspace, ReceivedAt = now, NextAttemptAt = now, Status = "processed",
            Payload = $$"""[{"portalId":1,"objectId":{{contact.HubSpotId}},"subscriptionType":"contact.propertyChange","propertyName":"email","propertyValue":"{{contact.Email}}","occurredAt":1}]""",
        });
        await database.SaveChangesAsync();
        return stored;
    }

    /// <summary>Every table (with its row) whose text holds <paramref name="value"/>: the whole database, not a list of the tables thought to matter.</summary>
    private async Task<List<string>> TablesHoldingAsync(string value)
    {
        await using var database = Server.OpenDatabase();
        var connection = database.Database.GetDbConnection();
        await connection.OpenAsync();
        var postgres = Server.Database.Provider == DatabaseProvider.PostgreSql;
        var tables = await ListAsync(connection, postgres
            ? "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"
            : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
        var holding = new List<string>();
        foreach (var table in tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    if (!await reader.IsDBNullAsync(i) && Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)?.Contains(value, StringComparison.OrdinalIgnoreCase) == true)
                    {
                        holding.Add(table);
                    }
                }
            }
        }

        return [.. holding.Distinct()];
    }

    private static async Task<List<string>> ListAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var names = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }
}
