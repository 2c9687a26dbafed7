using System.Net;
using System.Text.Json.Nodes;
using Abm.HubSpot.Sandbox.Hosting;
using Abm.HubSpot.Sandbox.Tests.Infrastructure;

namespace Abm.HubSpot.Sandbox.Tests.Forms;

/// <summary>The marketing forms API and the form submissions API: paging, order, scope, 404, reset.</summary>
public sealed class FormsTests
{
    [Fact]
    public async Task Forms_ListedInPagesOfOne_AreTheFourSeededFormsOnce()
    {
        await using var sandbox = await TestSandbox.StartAsync();

        var forms = await FormsApi.FormsAsync(sandbox, limit: 1);
        var (response, _) = await sandbox.SendAsync(HttpMethod.Get, "/marketing/v3/forms?limit=1");

        forms.Select(f => f["name"]!.GetValue<string>()).Order().ShouldBe(["Contact us", "Content download", "Demo request", "Newsletter"]);
        forms.Select(f => f["id"]!.GetValue<string>()).Distinct().Count().ShouldBe(4);
        forms.ShouldAllBe(f => f["formType"]!.GetValue<string>() == "hubspot" && !f["archived"]!.GetValue<bool>() && f["createdAt"] != null && f["updatedAt"] != null);
        forms[0]["fieldGroups"]![0]!["fields"]![0]!["name"]!.GetValue<string>().ShouldBe("email");
        response.Headers.Contains("X-HubSpot-RateLimit-Remaining").ShouldBeTrue();
    }

    [Theory]
    [InlineData("formTypes=all", 4)]
    [InlineData("formTypes=flow,captured", 0)]
    [InlineData("formTypes=hubspot&archived=true", 0)]
    public async Task Forms_FilteredByTypeOrArchived_ListOnlyThoseThatMatch(string query, int expected)
    {
        await using var sandbox = await TestSandbox.StartAsync();

        var (_, page) = await sandbox.SendAsync(HttpMethod.Get, $"/marketing/v3/forms?{query}");

        page!["results"]!.AsArray().Count.ShouldBe(expected);
    }

    [Fact]
    public async Task Forms_SameSeed_HaveTheSameIds()
    {
        await using var first = await TestSandbox.StartAsync();
        await using var second = await TestSandbox.StartAsync();

        var ids = (await FormsApi.FormsAsync(first)).Select(f => f["id"]!.GetValue<string>());

        (await FormsApi.FormsAsync(second)).Select(f => f["id"]!.GetValue<string>()).ShouldBe(ids);
    }

    [Fact]
    public async Task Submissions_PagedWhileNewOnesArrive_ComeNewestFirstAndOnce()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var formId = await FormsApi.FormIdAsync(sandbox, "Demo request");
        for (var i = 0; i < 7; i++)
        {
            await FormsApi.SubmitAsync(sandbox, formId, $"reader{i}@example.com", TestSandbox.Start.AddHours(-i));
        }

        var (_, first) = await sandbox.SendAsync(HttpMethod.Get, $"/form-integrations/v1/submissions/forms/{formId}?limit=3");
        await FormsApi.SubmitAsync(sandbox, formId, "late@example.com", TestSandbox.Start.AddMinutes(1));
        var after = first!["paging"]!["next"]!["after"]!.GetValue<string>();
        var rest = new List<JsonNode>();
        while (after is not null)
        {
            var (_, page) = await sandbox.SendAsync(HttpMethod.Get, $"/form-integrations/v1/submissions/forms/{formId}?limit=3&after={Uri.EscapeDataString(after)}");
            rest.AddRange(page!["results"]!.AsArray().Select(r => r!));
            after = page["paging"]?["next"]?["after"]?.GetValue<string>();
        }

        var served = first["results"]!.AsArray().Select(r => r!).Concat(rest).ToList();
        var times = served.Select(s => s["submittedAt"]!.GetValue<long>()).ToList();
        times.ShouldBe(times.OrderDescending().ToList());
        served.Select(s => s["conversionId"]!.GetValue<string>()).Distinct().Count().ShouldBe(served.Count);
        served.Take(7).Select(Email).ShouldBe(Enumerable.Range(0, 7).Select(i => $"reader{i}@example.com"));
        served.ShouldNotContain(s => Email(s) == "late@example.com");
        (await FormsApi.SubmissionsAsync(sandbox, formId)).Count.ShouldBe(served.Count + 1);
        served[0]["pageUrl"]!.GetValue<string>().ShouldBe("https://www.example.com/demo");
    }

    [Fact]
    public async Task Submissions_LimitAboveFifty_ServeFiftyAndCountAsCalls()
    {
        await using var sandbox = await TestSandbox.StartAsync(TestSandbox.Options(accounts: 100));
        var formId = await FormsApi.FormIdAsync(sandbox, "Content download");
        (await sandbox.SendAsync(HttpMethod.Delete, "/_sandbox/counters")).Response.EnsureSuccessStatusCode();

        var (response, page) = await sandbox.SendAsync(HttpMethod.Get, $"/form-integrations/v1/submissions/forms/{formId}?limit=500");
        var (_, counters) = await sandbox.SendAsync(HttpMethod.Get, "/_sandbox/counters");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        page!["results"]!.AsArray().Count.ShouldBe(50);
        page["paging"]!["next"]!["after"]!.GetValue<string>().ShouldNotBeNullOrEmpty();
        counters!["results"]!.AsArray().ShouldContain(c => c!["route"]!.GetValue<string>() == "GET /form-integrations/v1/submissions/forms/{formGuid}");
    }

    [Fact]
    public async Task Submissions_OfUnknownForm_Answer404ObjectNotFound()
    {
        await using var sandbox = await TestSandbox.StartAsync();

        var (response, body) = await sandbox.SendAsync(HttpMethod.Get, $"/form-integrations/v1/submissions/forms/{Guid.NewGuid()}");
        var (form, _) = await sandbox.SendAsync(HttpMethod.Get, $"/marketing/v3/forms/{Guid.NewGuid()}");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        body!["status"]!.GetValue<string>().ShouldBe("error");
        body["category"]!.GetValue<string>().ShouldBe("OBJECT_NOT_FOUND");
        body["correlationId"]!.GetValue<string>().ShouldNotBeNullOrEmpty();
        form.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("/marketing/v3/forms")]
    [InlineData("/form-integrations/v1/submissions/forms/any-form")]
    public async Task FormsApis_WithoutFormsScope_Answer403MissingScopes(string path)
    {
        var options = TestSandbox.Options() with { Portals = [new SandboxPortalOptions { Accounts = 1, PrivateAppScopes = ["crm.objects.contacts.read"] }] };
        await using var sandbox = await TestSandbox.StartAsync(options);

        var (response, body) = await sandbox.SendAsync(HttpMethod.Get, path);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        body!["category"]!.GetValue<string>().ShouldBe("MISSING_SCOPES");
        body["errors"]![0]!["context"]!["requiredGranularScopes"]![0]!.GetValue<string>().ShouldBe("forms");
    }

    [Fact]
    public async Task Reset_AfterASubmission_ServesTheSeededSubmissionsOnly()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var formId = await FormsApi.FormIdAsync(sandbox, "Newsletter");
        var seeded = (await FormsApi.SubmissionsAsync(sandbox, formId)).Count;
        await FormsApi.SubmitAsync(sandbox, formId, "gone@example.com");

        (await sandbox.SendAsync(HttpMethod.Post, "/_sandbox/reset")).Response.EnsureSuccessStatusCode();

        (await FormsApi.FormIdAsync(sandbox, "Newsletter")).ShouldBe(formId);
        (await FormsApi.SubmissionsAsync(sandbox, formId)).Count.ShouldBe(seeded);
    }

    private static string Email(JsonNode submission) =>
        submission["values"]!.AsArray().Single(v => v!["name"]!.GetValue<string>() == "email")!["value"]!.GetValue<string>();
}
