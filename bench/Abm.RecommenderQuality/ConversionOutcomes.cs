using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Abm.RecommenderQuality;

/// <summary>
/// What the buyers do after the scores were read: the sandbox lives on for a number of simulated days with the
/// event sink removed (the server learns nothing more), then the buyers who filled in a form or booked a meeting in
/// those days are the outcome the contact score is judged against. Forms come from the sandbox's site event log,
/// meetings from its CRM (created in the period, associated to the buyer).
/// </summary>
internal static class ConversionOutcomes
{
    /// <summary>Buyers (HubSpot ids) who converted in the <paramref name="days"/> after <paramref name="from"/>, the moment of the scores.</summary>
    public static async Task<HashSet<string>> FollowAsync(QualityWorld world, DateTimeOffset from, int days, CancellationToken cancellationToken)
    {
        using (var removed = await world.Admin.DeleteAsync($"/_sandbox/portals/{world.PortalId}/event-sink", cancellationToken))
        {
            removed.EnsureSuccessStatusCode();
        }

        for (var day = 0; day < days; day++)
        {
            using var advanced = await world.Admin.PostAsJsonAsync("/_sandbox/behaviour/advance", new { days = 1 }, cancellationToken);
            advanced.EnsureSuccessStatusCode();
        }

        var converted = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var form in PagedAsync(world.Admin, $"/_sandbox/portals/{world.PortalId}/behaviour/events?type=form_submission&since={Uri.EscapeDataString(from.ToString("O"))}&limit=10000", cancellationToken))
        {
            converted.Add(form.GetProperty("contactId").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        using var crm = new HttpClient { BaseAddress = new Uri(world.Sandbox.BaseUrl) };
        crm.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", world.Sandbox.Portals[0].AccessToken);
        string? after = null;
        do
        {
            var page = await crm.GetFromJsonAsync<JsonElement>(
                $"/crm/v3/objects/meetings?limit=100&associations=contacts{(after is null ? "" : $"&after={after}")}", cancellationToken);
            foreach (var meeting in page.GetProperty("results").EnumerateArray().Where(m => m.GetProperty("createdAt").GetDateTimeOffset() >= from))
            {
                if (meeting.TryGetProperty("associations", out var associations) && associations.TryGetProperty("contacts", out var contacts))
                {
                    converted.UnionWith(contacts.GetProperty("results").EnumerateArray().Select(c => c.GetProperty("id").GetString()!));
                }
            }

            after = page.TryGetProperty("paging", out var paging) ? paging.GetProperty("next").GetProperty("after").GetString() : null;
        }
        while (after is not null);

        return converted;
    }

    private static async IAsyncEnumerable<JsonElement> PagedAsync(HttpClient admin, string route, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var offset = 0;
        while (true)
        {
            var page = await admin.GetFromJsonAsync<JsonElement>($"{route}&offset={offset}", cancellationToken);
            var results = page.GetProperty("results");
            foreach (var item in results.EnumerateArray())
            {
                yield return item;
            }

            offset = page.GetProperty("offset").GetInt32();
            if (results.GetArrayLength() == 0 || offset >= page.GetProperty("total").GetInt32())
            {
                yield break;
            }
        }
    }
}
