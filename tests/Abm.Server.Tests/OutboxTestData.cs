using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Abm.Data.Entities;
using Abm.Server.Features.Access;
using Abm.Server.Features.Connections;
using Abm.Server.Features.WriteBack;
using Microsoft.Extensions.DependencyInjection;

namespace Abm.Server.Tests;

/// <summary>Contacts of a sandbox portal to write back to, and outbox rows queued straight into the database.</summary>
internal static class OutboxTestData
{
    /// <summary>The first <paramref name="count"/> contact ids of the portal <paramref name="hubSpot"/> is authorised for.</summary>
    public static async Task<List<string>> SandboxContactIdsAsync(HttpClient hubSpot, int count)
    {
        var ids = new List<string>();
        string? after = null;
        while (ids.Count < count)
        {
            var page = await hubSpot.GetFromJsonAsync<JsonElement>($"/crm/v3/objects/contacts?limit=100{(after is null ? "" : $"&after={after}")}");
            ids.AddRange(page.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("id").GetString()!));
            if (!page.TryGetProperty("paging", out var paging))
            {
                break;
            }

            after = paging.GetProperty("next").GetProperty("after").GetString();
        }

        ids.Count.ShouldBeGreaterThanOrEqualTo(count, "the seeded portal has too few contacts for this test");
        return ids.Take(count).ToList();
    }

    /// <summary>One pending, due row per record, each with its own score (and the extra values); returns the rows' ids.</summary>
    public static async Task<List<Guid>> QueueAsync(
        AbmServerFactory server, Guid workspace, IReadOnlyList<string> hubSpotIds, string property = "abm_content_engagement_score", IReadOnlyDictionary<string, string>? extra = null)
    {
        var now = TimeProvider.System.GetUtcNow().UtcDateTime.AddSeconds(-1);
        var rows = hubSpotIds.Select((id, i) => new HubSpotOutboxItem
        {
            Id = Guid.NewGuid(), WorkspaceId = workspace, ObjectType = "contacts", HubSpotId = id,
            Properties = JsonSerializer.Serialize(new Dictionary<string, string>(extra ?? new Dictionary<string, string>()) { [property] = i.ToString(CultureInfo.InvariantCulture) }),
            NextAttemptAt = now, CreatedAt = now, UpdatedAt = now,
        }).ToList();
        await using var database = server.OpenDatabase();
        database.HubSpotOutbox.AddRange(rows);
        await database.SaveChangesAsync();
        return rows.Select(r => r.Id).ToList();
    }

    /// <summary>One flush pass of the server's only connected workspace, as the worker would run it.</summary>
    public static async Task<FlushSummary> FlushAsync(AbmServerFactory server)
    {
        var (workspaceId, client) = (await server.Service<HubSpotClients>().ConnectedAsync(CancellationToken.None)).Single();
        await using var scope = server.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentWorkspace>().Use(workspaceId);
        return await scope.ServiceProvider.GetRequiredService<OutboxFlusher>().FlushAsync(client, CancellationToken.None);
    }
}
