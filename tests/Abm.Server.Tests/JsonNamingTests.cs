using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Abm.Server.Tests;

/// <summary>One naming policy: every property the API sends or takes is camelCase.</summary>
public sealed partial class JsonNamingTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    /// <summary>The sync request keeps the snake_case names its callers have always sent (docs/api.md says so).</summary>
    private static readonly string[] DocumentedExceptions = ["sync_type", "max_contacts"];

    private AbmServerFactory Server => fixture.Factory;

    [Fact]
    public async Task OpenApi_EveryPropertyOfEverySchema_IsCamelCase()
    {
        using var document = JsonDocument.Parse(await Server.OperatorClient().GetStringAsync("/openapi/v1.json"));
        var names = new List<string>();

        Collect(document.RootElement.GetProperty("components").GetProperty("schemas"), "", names, topLevel: true);

        names.Count.ShouldBeGreaterThan(50);
        names.Where(n => !CamelCase().IsMatch(n.Split('.')[^1]) && !DocumentedExceptions.Contains(n.Split('.')[^1])).ShouldBeEmpty();
        names.ShouldContain("RoleCounts.contactCount");
    }

    [Fact]
    public async Task GetAccountEngagement_RoleCounts_AreCamelCase()
    {
        var (client, workspace) = await Server.MarketerInNewWorkspaceAsync();
        var company = await Server.SeedCompanyAsync(workspace);
        var champion = await Server.SeedContactAsync(workspace, "VP Engineering", company.Id, "CHAMPION");
        (await client.PostAsJsonAsync("/api/events", new
        {
            events = new[] { new { type = "demo_request", occurredAt = TimeProvider.System.GetUtcNow().AddDays(-1), contactHubSpotId = champion.HubSpotId } },
        })).EnsureSuccessStatusCode();
        (await client.PostAsync("/api/engagement/recompute", null)).EnsureSuccessStatusCode();

        using var account = JsonDocument.Parse(await client.GetStringAsync($"/api/accounts/{company.Id}/engagement"));

        var roleCounts = account.RootElement.GetProperty("roleCounts");
        roleCounts.EnumerateObject().Select(p => p.Name).ShouldBe(["contacts", "engaged", "contactCount", "engagedContactCount", "contactsWithoutRole"], ignoreOrder: true);
        roleCounts.GetProperty("contactCount").GetInt32().ShouldBe(1);
    }

    /// <summary>Property names of every schema, nested objects and list items included, as "Schema.path.name".</summary>
    private static void Collect(JsonElement schemas, string path, List<string> names, bool topLevel)
    {
        foreach (var schema in schemas.EnumerateObject())
        {
            var at = topLevel ? schema.Name : $"{path}.{schema.Name}";
            if (!topLevel)
            {
                names.Add(at);
            }

            Descend(schema.Value, at, names);
        }
    }

    private static void Descend(JsonElement schema, string path, List<string> names)
    {
        if (schema.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        if (schema.TryGetProperty("properties", out var properties))
        {
            Collect(properties, path, names, topLevel: false);
        }

        foreach (var nested in new[] { "items", "additionalProperties" })
        {
            if (schema.TryGetProperty(nested, out var inner))
            {
                Descend(inner, path, names);
            }
        }

        foreach (var combinator in new[] { "oneOf", "anyOf", "allOf" })
        {
            if (schema.TryGetProperty(combinator, out var options))
            {
                foreach (var option in options.EnumerateArray())
                {
                    Descend(option, path, names);
                }
            }
        }
    }

    [GeneratedRegex("^[a-z][a-zA-Z0-9]*$")]
    private static partial Regex CamelCase();
}
