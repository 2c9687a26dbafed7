using System.Net.Http.Json;
using System.Text.Json;
using Abm.Data;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Tests.Sync;

/// <summary>
/// The records of a portal reduced to what sync must copy, one line per record, read straight from the
/// sandbox's HTTP API (not through our client) or from the local database, so the two can be compared.
/// </summary>
internal sealed record PortalSnapshot(IReadOnlySet<string> Companies, IReadOnlySet<string> Contacts, IReadOnlySet<string> Deals)
{
    public static async Task<PortalSnapshot> ReadPortalAsync(HttpClient hubSpot)
    {
        var companies = await ListAsync(hubSpot, "companies", "name,domain", null);
        var contacts = await ListAsync(hubSpot, "contacts", "email,firstname,lastname,jobtitle,associatedcompanyid", null);
        var deals = await ListAsync(hubSpot, "deals", "dealname,dealstage", "contacts");
        return new PortalSnapshot(
            companies.Select(c => Line(c.Id, P(c, "name"), P(c, "domain"))).ToHashSet(),
            contacts.Select(c => Line(c.Id, P(c, "email")?.ToLowerInvariant(), P(c, "firstname"), P(c, "lastname"), P(c, "jobtitle"), P(c, "associatedcompanyid"))).ToHashSet(),
            deals.Select(d => Line(d.Id, P(d, "dealname"), P(d, "dealstage"), string.Join(',', d.Contacts.Order(StringComparer.Ordinal)))).ToHashSet());
    }

    public static async Task<PortalSnapshot> ReadLocalAsync(AbmDbContext database, Guid workspaceId)
    {
        var companies = await database.Companies.IgnoreQueryFilters().Where(c => c.WorkspaceId == workspaceId && c.ArchivedAt == null).ToListAsync();
        var companyHubSpotIds = companies.ToDictionary(c => c.Id, c => c.HubSpotId);
        var contacts = await database.Contacts.IgnoreQueryFilters().Where(c => c.WorkspaceId == workspaceId && c.ArchivedAt == null).ToListAsync();
        var contactHubSpotIds = contacts.ToDictionary(c => c.Id, c => c.HubSpotId);
        var deals = await database.Deals.IgnoreQueryFilters().Where(d => d.WorkspaceId == workspaceId && d.ArchivedAt == null).ToListAsync();
        var dealContacts = (await database.DealContacts.IgnoreQueryFilters().Where(dc => dc.WorkspaceId == workspaceId).ToListAsync())
            .ToLookup(dc => dc.DealId, dc => contactHubSpotIds.GetValueOrDefault(dc.ContactId, "?"));
        return new PortalSnapshot(
            companies.Select(c => Line(c.HubSpotId, c.Name, c.Domain)).ToHashSet(),
            contacts.Select(c => Line(c.HubSpotId, c.Email, c.FirstName, c.LastName, c.JobTitle, c.CompanyId is { } id ? companyHubSpotIds.GetValueOrDefault(id, "?") : null)).ToHashSet(),
            deals.Select(d => Line(d.HubSpotId, d.Name, d.Stage, string.Join(',', dealContacts[d.Id].Order(StringComparer.Ordinal)))).ToHashSet());
    }

    /// <summary>Fails naming the first records that differ, which says far more than "sets differ".</summary>
    public void ShouldEqual(PortalSnapshot expected)
    {
        foreach (var (name, actual, wanted) in new[] { ("companies", Companies, expected.Companies), ("contacts", Contacts, expected.Contacts), ("deals", Deals, expected.Deals) })
        {
            var missing = wanted.Except(actual).Take(3).ToList();
            var extra = actual.Except(wanted).Take(3).ToList();
            (missing.Count + extra.Count).ShouldBe(0, $"{name}: missing locally [{string.Join(" | ", missing)}], extra locally [{string.Join(" | ", extra)}]");
        }
    }

    private sealed record PortalRecord(string Id, JsonElement Properties, IReadOnlyList<string> Contacts);

    private static async Task<List<PortalRecord>> ListAsync(HttpClient hubSpot, string objectType, string properties, string? associations)
    {
        var records = new List<PortalRecord>();
        string? after = null;
        do
        {
            var url = $"/crm/v3/objects/{objectType}?limit=100&properties={properties}" + (associations is null ? "" : $"&associations={associations}") + (after is null ? "" : $"&after={after}");
            var page = await hubSpot.GetFromJsonAsync<JsonElement>(url);
            foreach (var record in page.GetProperty("results").EnumerateArray())
            {
                var contacts = record.TryGetProperty("associations", out var linked) && linked.TryGetProperty("contacts", out var list)
                    ? list.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("id").GetString()!).Distinct().ToList()
                    : [];
                records.Add(new PortalRecord(record.GetProperty("id").GetString()!, record.GetProperty("properties"), contacts));
            }

            after = page.TryGetProperty("paging", out var paging) ? paging.GetProperty("next").GetProperty("after").GetString() : null;
        }
        while (after is not null);
        return records;
    }

    private static string? P(PortalRecord record, string name) =>
        record.Properties.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text : null;

    private static string Line(params string?[] parts) => string.Join('|', parts.Select(p => p ?? "-"));
}
