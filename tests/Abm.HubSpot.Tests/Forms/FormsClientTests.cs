using System.Net;
using Abm.HubSpot.Forms;
using Abm.HubSpot.Sandbox.Hosting;
using Abm.HubSpot.Tests.Infrastructure;

namespace Abm.HubSpot.Tests.Forms;

public sealed class FormsClientTests
{
    [Fact]
    public async Task ListAllAsync_SeededPortal_ReturnsItsFormsWithIdsAndTimes()
    {
        await using var portal = await TestPortal.StartAsync();
        var client = portal.Client();

        var forms = await ListFormsAsync(client);

        forms.Select(f => f.Name).Order().ShouldBe(["Contact us", "Content download", "Demo request", "Newsletter"]);
        forms.ShouldAllBe(f => f.Id.Length > 0 && f.FormType == "hubspot" && f.CreatedAt != null && f.UpdatedAt >= f.CreatedAt && !f.Archived);
    }

    [Fact]
    public async Task ListSubmissionPagesAsync_SmallPages_ReturnTheSameSubmissionsAsOnePageNewestFirst()
    {
        await using var portal = await TestPortal.StartAsync(new SandboxPortalOptions { Accounts = 30 });
        var client = portal.Client();
        var form = (await ListFormsAsync(client)).Single(f => f.Name == "Content download");
        var whole = await client.Forms.ListSubmissionPageAsync(form.Id, pageSize: 50);
        await portal.ClearCountersAsync();

        var paged = new List<FormSubmission>();
        await foreach (var page in client.Forms.ListSubmissionPagesAsync(form.Id, pageSize: 5))
        {
            paged.AddRange(page.Results);
        }

        whole.After.ShouldBeNull();
        whole.Results.Count.ShouldBeGreaterThan(10);
        paged.Select(s => s.ConversionId).ShouldBe(whole.Results.Select(s => s.ConversionId));
        paged.Select(s => s.SubmittedAt).ShouldBe(paged.Select(s => s.SubmittedAt).OrderDescending());
        paged.ShouldAllBe(s => s.Email != null && s.Email.Contains('@') && s.Value("FirstName") != null && s.PageUrl != null);
        (await portal.CountAsync("GET /form-integrations/v1/submissions/forms/{formGuid}", 200)).ShouldBe((whole.Results.Count + 4) / 5);
    }

    [Fact]
    public async Task ListSubmissionPagesAsync_FlakyAnswers_RetriesThroughThePipelineAndReadsEverything()
    {
        await using var portal = await TestPortal.StartAsync(new SandboxPortalOptions { Accounts = 30 });
        var client = portal.Client();
        var form = (await ListFormsAsync(client)).Single(f => f.Name == "Content download");
        var expected = (await client.Forms.ListSubmissionPageAsync(form.Id)).Results.Count;
        await portal.AddFaultAsync(new { route = "GET /form-integrations/v1/submissions/forms/*", seed = 4, errorRates = new Dictionary<string, double> { ["502"] = 0.4 } });

        var read = 0;
        await foreach (var page in client.Forms.ListSubmissionPagesAsync(form.Id, pageSize: 5))
        {
            read += page.Results.Count;
        }

        read.ShouldBe(expected);
        (await portal.CountAsync("GET /form-integrations/v1/submissions/forms/{formGuid}", 502)).ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task ListSubmissionPageAsync_UnknownForm_ThrowsNotFoundWithoutRetrying()
    {
        await using var portal = await TestPortal.StartAsync();
        var client = portal.Client();
        await portal.ClearCountersAsync();

        var failure = await Should.ThrowAsync<HubSpotApiException>(() => client.Forms.ListSubmissionPageAsync(Guid.NewGuid().ToString()));

        failure.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        failure.Category.ShouldBe("OBJECT_NOT_FOUND");
        (await portal.CountAsync("GET /form-integrations/v1/submissions/forms/{formGuid}")).ShouldBe(1);
    }

    [Fact]
    public async Task ListPageAsync_TokenWithoutFormsScope_ThrowsMissingScopes()
    {
        await using var portal = await TestPortal.StartAsync(new SandboxPortalOptions { Accounts = 1, PrivateAppScopes = ["crm.objects.contacts.read"] });
        var client = portal.Client();

        var failure = await Should.ThrowAsync<HubSpotApiException>(() => client.Forms.ListPageAsync());

        failure.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        failure.Category.ShouldBe("MISSING_SCOPES");
    }

    private static async Task<List<HubSpotForm>> ListFormsAsync(HubSpotClient client)
    {
        var forms = new List<HubSpotForm>();
        await foreach (var form in client.Forms.ListAllAsync())
        {
            forms.Add(form);
        }

        return forms;
    }
}
