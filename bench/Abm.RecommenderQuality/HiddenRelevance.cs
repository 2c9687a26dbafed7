using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace Abm.RecommenderQuality;

/// <summary>
/// The buyers' graded relevance (0..3) of each catalogue item, read from the sandbox's truth export at the moment
/// of evaluation. Only the harness reads it: the server never sees it, it only grades what the server recommends.
/// </summary>
internal sealed class HiddenRelevance(Dictionary<string, Dictionary<string, int>> gradesByContact)
{
    /// <summary>HubSpot ids of the seeded buyers, the contacts that have a truth.</summary>
    public IReadOnlyCollection<string> ContactIds => gradesByContact.Keys;

    /// <summary>The grade of an item (by external id) for a buyer (by HubSpot id); unlisted items are 0.</summary>
    public int Grade(string contactHubSpotId, string externalId) =>
        gradesByContact[contactHubSpotId].GetValueOrDefault(externalId);

    public static async Task<HiddenRelevance> ReadAsync(QualityWorld world, CancellationToken cancellationToken)
    {
        var truth = await world.Admin.GetFromJsonAsync<JsonElement>($"/_sandbox/portals/{world.PortalId}/market/truth", cancellationToken);
        var byContact = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        foreach (var contact in truth.GetProperty("contacts").EnumerateArray())
        {
            var grades = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var label in contact.GetProperty("relevance").EnumerateObject())
            {
                var grade = int.Parse(label.Name, CultureInfo.InvariantCulture);
                foreach (var item in label.Value.EnumerateArray())
                {
                    grades[item.GetString()!] = grade;
                }
            }

            byContact[contact.GetProperty("contactId").GetString()!] = grades;
        }

        return new HiddenRelevance(byContact);
    }
}
