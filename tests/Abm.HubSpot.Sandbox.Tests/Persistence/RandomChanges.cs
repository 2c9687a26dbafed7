using System.Globalization;
using Abm.HubSpot.Sandbox.Tests.Infrastructure;

namespace Abm.HubSpot.Sandbox.Tests.Persistence;

/// <summary>
/// Random writes through the API, drawn from a seed: creates, updates (values and nulls), archives, merges,
/// associations made and removed, lists and memberships, custom properties, transactional sends and time passing
/// (which ends search's lagging view). Each call succeeds or is refused the way HubSpot would; either is fine here.
/// </summary>
internal sealed class RandomChanges(TestSandbox sandbox, List<string> contactIds, List<string> companyIds, int seed)
{
    private readonly Random _random = new(seed);
    private readonly List<string> _listIds = [];
    private readonly HashSet<int> _succeeded = [];
    private int _created;
    private int _kind;

    /// <summary>How many of the ten kinds of change have succeeded at least once (a test can require all).</summary>
    public int KindsSucceeded => _succeeded.Count;

    public async Task ApplyOneAsync()
    {
        _kind = _random.Next(10);
        switch (_kind)
        {
            case 0:
                var created = await sandbox.CreateContactAsync($"random{++_created}@example.com", $"Random{_created}");
                contactIds.Add(created["id"]!.GetValue<string>());
                _succeeded.Add(_kind);
                break;
            case 1:
                string?[] titles = ["CTO", "Head of IT", null, "VP Operations"];
                await SendAsync(HttpMethod.Patch, $"/crm/v3/objects/contacts/{Contact()}", new { properties = new { jobtitle = titles[_random.Next(titles.Length)], abm_random = _random.Next(100).ToString(CultureInfo.InvariantCulture) } });
                break;
            case 2:
                await SendAsync(HttpMethod.Delete, $"/crm/v3/objects/contacts/{Contact()}");
                break;
            case 3:
                await SendAsync(HttpMethod.Put, $"/crm/v4/objects/contacts/{Contact()}/associations/default/companies/{Company()}");
                break;
            case 4:
                await SendAsync(HttpMethod.Delete, $"/crm/v4/objects/contacts/{Contact()}/associations/companies/{Company()}");
                break;
            case 5:
                await ChangeListAsync();
                break;
            case 6:
                await SendAsync(HttpMethod.Post, "/marketing/v3/transactional/single-email/send", new { emailId = 7, message = new { to = $"reader{_random.Next(5)}@example.com" } });
                break;
            case 7:
                await SendAsync(HttpMethod.Post, "/crm/v3/properties/contacts", new { name = "abm_random", label = "Random", type = "string", fieldType = "text", groupName = "contactinformation" });
                break;
            case 8:
                await SendAsync(HttpMethod.Post, "/crm/v3/objects/contacts/merge", new { primaryObjectId = Contact(), objectIdToMerge = Contact() });
                break;
            default:
                sandbox.Host.Clock.Advance(TimeSpan.FromSeconds(_random.Next(1, 15)));
                _succeeded.Add(_kind);
                break;
        }
    }

    private async Task ChangeListAsync()
    {
        if (_listIds.Count == 0 || _random.Next(4) == 0)
        {
            var (_, body) = await sandbox.SendAsync(HttpMethod.Post, "/crm/v3/lists", new { name = $"List {_listIds.Count}", objectTypeId = "0-1", processingType = "MANUAL" });
            _listIds.Add(body!["list"]!["listId"]!.ToString());
            _succeeded.Add(_kind);
            return;
        }

        var change = _random.Next(2) == 0 ? "add" : "remove";
        await SendAsync(HttpMethod.Put, $"/crm/v3/lists/{_listIds[_random.Next(_listIds.Count)]}/memberships/{change}", new[] { Contact(), Contact() });
    }

    private string Contact() => contactIds[_random.Next(contactIds.Count)];

    private string Company() => companyIds[_random.Next(companyIds.Count)];

    private async Task SendAsync(HttpMethod method, string path, object? body = null)
    {
        var (response, _) = await sandbox.SendAsync(method, path, body);
        ((int)response.StatusCode).ShouldBeLessThan(500, path);
        if (response.IsSuccessStatusCode)
        {
            _succeeded.Add(_kind);
        }
    }
}
