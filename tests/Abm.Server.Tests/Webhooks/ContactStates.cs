using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Tests.Webhooks;

/// <summary>Contacts described the same way in HubSpot and locally, so that the two can be compared line by line.</summary>
internal static class ContactStates
{
    /// <summary>Per contact: its email and job title in HubSpot, or "gone" when HubSpot no longer has it.</summary>
    public static async Task<List<string>> InHubSpotAsync(HttpClient hubSpot, IEnumerable<string> ids)
    {
        var state = new List<string>();
        foreach (var id in ids)
        {
            var response = await hubSpot.GetAsync($"/crm/v3/objects/contacts/{id}?properties=email,jobtitle");
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                state.Add($"{id}: gone");
                continue;
            }

            var properties = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("properties");
            state.Add($"{id}: {properties.GetProperty("email").GetString()} {properties.GetProperty("jobtitle").GetString()}");
        }

        return state;
    }

    /// <summary>The same view of the local copy: an archived or never-stored contact is "gone".</summary>
    public static async Task<List<string>> LocalAsync(AbmServerFactory server, IReadOnlyCollection<string> ids)
    {
        await using var database = server.OpenDatabase();
        var rows = await database.Contacts.IgnoreQueryFilters().AsNoTracking().Where(c => ids.Contains(c.HubSpotId)).ToListAsync();
        return [.. ids.Select(id => rows.SingleOrDefault(r => r.HubSpotId == id) is { ArchivedAt: null } row ? $"{id}: {row.Email} {row.JobTitle}" : $"{id}: gone")];
    }
}
