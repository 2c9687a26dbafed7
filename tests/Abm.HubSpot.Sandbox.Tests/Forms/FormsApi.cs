using System.Text.Json.Nodes;
using Abm.HubSpot.Sandbox.Tests.Infrastructure;

namespace Abm.HubSpot.Sandbox.Tests.Forms;

/// <summary>Reads the forms APIs to their end, page by page, as a client would.</summary>
internal static class FormsApi
{
    public static async Task<List<JsonNode>> FormsAsync(TestSandbox sandbox, int limit = 100) =>
        await ReadAllAsync(sandbox, $"/marketing/v3/forms?limit={limit}");

    public static async Task<List<JsonNode>> SubmissionsAsync(TestSandbox sandbox, string formId, int limit = 50) =>
        await ReadAllAsync(sandbox, $"/form-integrations/v1/submissions/forms/{formId}?limit={limit}");

    public static async Task<string> FormIdAsync(TestSandbox sandbox, string name) =>
        (await FormsAsync(sandbox)).Single(f => f["name"]!.GetValue<string>() == name)["id"]!.GetValue<string>();

    public static async Task<JsonNode> SubmitAsync(TestSandbox sandbox, string formId, string email, DateTimeOffset? at = null)
    {
        var (response, body) = await sandbox.SendAsync(
            HttpMethod.Post, $"/_sandbox/portals/{sandbox.Portal.PortalId}/forms/{formId}/submissions",
            new { values = new Dictionary<string, string> { ["email"] = email, ["firstname"] = "Ada" }, submittedAt = at ?? TestSandbox.Start, pageUrl = "https://www.example.com/demo" });
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.Created, body?.ToJsonString());
        return body!;
    }

    private static async Task<List<JsonNode>> ReadAllAsync(TestSandbox sandbox, string path)
    {
        var results = new List<JsonNode>();
        string? after = null;
        do
        {
            var (response, page) = await sandbox.SendAsync(HttpMethod.Get, after is null ? path : $"{path}&after={Uri.EscapeDataString(after)}");
            response.EnsureSuccessStatusCode();
            results.AddRange(page!["results"]!.AsArray().Select(r => r!));
            after = page["paging"]?["next"]?["after"]?.GetValue<string>();
        }
        while (after is not null);

        return results;
    }
}
