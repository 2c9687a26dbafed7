using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Abm.Browser.Tests;

/// <summary>The nurture pages: sequences with their counts, a sequence's funnel, enrolling from the page, and the editor's checks.</summary>
public sealed partial class DashboardTests
{
    /// <summary>A branch without its else, and a step naming one that does not exist: problems the API names by path.</summary>
    private const string BrokenSequence = """
        {
          "name": "Broken drip",
          "triggers": [{ "type": "manual" }],
          "steps": [
            { "id": "first", "type": "send_content", "next": "nowhere" },
            { "id": "check", "type": "branch", "condition": { "kind": "stage", "stages": ["vendor_evaluation"] } },
            { "id": "done", "type": "end" }
          ]
        }
        """;

    [Fact]
    public async Task NurturePages_SeededSequence_ListedAndEnrollingAContactFromThePageShowsInTheApi()
    {
        var sequence = await NewActiveSequenceAsync("Hand-raiser follow-up");
        var contact = fixture.Contacts[7];
        var page = await fixture.SignedInPageAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Nurture" }).ClickAsync();
        var row = page.Locator($"[data-sequence='{sequence.GetProperty("key").GetString()}']");
        await Assertions.Expect(row.Locator("[data-field=status]")).ToHaveTextAsync("Active");
        await Assertions.Expect(row.Locator("[data-field=version]")).ToHaveTextAsync("1");
        await Assertions.Expect(row.Locator("[data-field=enrolled]")).ToHaveTextAsync("0");
        var axeList = await page.RunAxe();
        axeList.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help}").ShouldBeEmpty();
        await ScreenshotAsync(page, "nurture");

        await row.GetByRole(AriaRole.Link).ClickAsync();
        await page.Locator("#step-funnel").WaitForAsync();
        await page.Locator("#enrol-search").FillAsync(contact.Email!);
        var name = $"Buyer {contact.LastName}";
        await page.GetByRole(AriaRole.Button, new() { Name = $"Enrol {name}" }).ClickAsync();
        await Assertions.Expect(page.Locator("#enrol-outcome")).ToHaveTextAsync($"Enrolled {name}.");
        await Assertions.Expect(page.Locator($"#enrollments [data-contact='{contact.Id}']")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("[data-kpi=enrolled]")).ToHaveTextAsync("1");

        var enrollments = await fixture.Api.GetFromJsonAsync<JsonElement>($"/api/nurture/enrollments?sequenceId={sequence.GetProperty("id").GetGuid()}&contactId={contact.Id}");
        enrollments.GetProperty("total").GetInt32().ShouldBe(1);
        enrollments.GetProperty("items")[0].GetProperty("enrolledBy").GetString().ShouldBe("manual");

        // Enrolling the same contact again is refused with the route's reason.
        await page.GetByRole(AriaRole.Button, new() { Name = $"Enrol {name}" }).ClickAsync();
        await Assertions.Expect(page.Locator("#enrol-outcome")).ToHaveTextAsync($"{name} was not enrolled: The contact is already in this sequence.");
        var axe = await page.RunAxe();
        axe.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help}").ShouldBeEmpty();
        await ScreenshotAsync(page, "nurture-sequence");

        await page.GetByRole(AriaRole.Button, new() { Name = "Pause" }).ClickAsync();
        await Assertions.Expect(page.Locator("#enrol-inactive")).ToBeVisibleAsync();
        (await fixture.Api.GetFromJsonAsync<JsonElement>($"/api/nurture/sequences/{sequence.GetProperty("id").GetGuid()}")).GetProperty("status").GetString().ShouldBe("paused");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task NurtureSequencePage_ContactEnrolledThroughTheApi_AppearsWithoutReload()
    {
        var sequence = await NewActiveSequenceAsync("Live drip");
        var contact = fixture.Contacts[11];
        var page = await fixture.SignedInPageAsync();
        await page.GotoAsync($"/nurture/{sequence.GetProperty("id").GetGuid()}");
        await page.GetByText("No contact has been enrolled yet.").WaitForAsync();

        (await fixture.Api.PostAsJsonAsync("/api/nurture/enrollments", new { sequenceId = sequence.GetProperty("id").GetGuid(), contactId = contact.Id })).EnsureSuccessStatusCode();

        await Assertions.Expect(page.Locator($"#enrollments [data-contact='{contact.Id}']")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("[data-kpi=enrolled]")).ToHaveTextAsync("1");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task NurtureEditor_InvalidDocument_ShowsTheApisValidationMessagesThenSavesTheFixedOne()
    {
        var page = await fixture.SignedInPageAsync();
        await page.GotoAsync("/nurture");
        await page.GetByRole(AriaRole.Button, new() { Name = "Write a sequence" }).ClickAsync();
        await page.Locator("#sequence-document").FillAsync(BrokenSequence);
        await page.GetByRole(AriaRole.Button, new() { Name = "Check" }).ClickAsync();
        await page.Locator("#sequence-problems").WaitForAsync();

        using var body = new StringContent(BrokenSequence, Encoding.UTF8, "application/json");
        var validation = await (await fixture.Api.PostAsync("/api/nurture/sequences/validate", body)).Content.ReadFromJsonAsync<JsonElement>();
        var expected = validation.GetProperty("problems").EnumerateArray().Select(p => (Path: p.GetProperty("path").GetString()!, Message: p.GetProperty("message").GetString()!)).ToList();
        expected.ShouldNotBeEmpty();
        var shown = page.Locator("#sequence-problems li");
        await Assertions.Expect(shown).ToHaveCountAsync(expected.Count);
        foreach (var (path, message) in expected)
        {
            (await page.Locator($"#sequence-problems li[data-path='{path}'] [data-field=message]").AllTextContentsAsync()).ShouldContain(message);
        }

        (await page.Locator("#sequence-problems").TextContentAsync())!.ShouldContain($"{Abm.Server.Dashboard.NurtureWords.Where(expected[0].Path)}: {expected[0].Message}");
        var axe = await page.RunAxe();
        axe.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help}").ShouldBeEmpty();
        await ScreenshotAsync(page, "nurture-editor-problems");

        // Saving is refused with the same problems; the fixed document, written as YAML, saves as a draft.
        await page.GetByRole(AriaRole.Button, new() { Name = "Create draft" }).ClickAsync();
        await Assertions.Expect(shown).ToHaveCountAsync(expected.Count);
        await page.GetByLabel("YAML").CheckAsync();
        await page.Locator("#sequence-document").FillAsync("""
            name: Fixed drip
            triggers:
              - type: manual
            steps:
              - id: first
                type: send_content
              - id: done
                type: end
            """);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create draft" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath.StartsWith("/nurture/", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Fixed drip");
        var id = new Uri(page.Url).AbsolutePath.Split('/').Last();
        var saved = await fixture.Api.GetFromJsonAsync<JsonElement>($"/api/nurture/sequences/{id}");
        saved.GetProperty("status").GetString().ShouldBe("draft");
        saved.GetProperty("document").GetProperty("steps").GetArrayLength().ShouldBe(2);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task NurturePages_PhoneWidth_NoSidewaysScrolling()
    {
        var sequence = await NewActiveSequenceAsync("Phone check drip");
        var page = await fixture.SignedInPageAsync(width: 390, height: 844);
        await page.GotoAsync("/nurture");
        await page.Locator("#sequences").WaitForAsync();
        await ScreenshotAsync(page, "nurture-390");
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(390);

        await page.GotoAsync($"/nurture/{sequence.GetProperty("id").GetGuid()}");
        await page.Locator("#step-funnel").WaitForAsync();
        await page.Locator("#enrol-search").FillAsync("buyer");
        await page.Locator("[data-contact]").First.WaitForAsync();
        await ScreenshotAsync(page, "nurture-sequence-390");
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(390);
        await page.Context.CloseAsync();
    }

    /// <summary>A new active sequence, enrolled into by hand only (no trigger of another test's changes enrols anyone), through the API.</summary>
    private async Task<JsonElement> NewActiveSequenceAsync(string name)
    {
        var document = new
        {
            name,
            triggers = new[] { new { type = "manual" } },
            steps = new object[]
            {
                new { id = "educate", type = "send_content" },
                new { id = "let_it_land", type = "wait", duration = "3d" },
                new { id = "hand_off", type = "create_task", title = "Call while it is warm", owner = new { kind = "contact_owner" }, priority = "HIGH", dueInDays = 1 },
                new { id = "done", type = "end" },
            },
        };
        var created = await fixture.Api.PostAsJsonAsync("/api/nurture/sequences", document);
        created.EnsureSuccessStatusCode();
        var sequence = await created.Content.ReadFromJsonAsync<JsonElement>();
        (await fixture.Api.PostAsync($"/api/nurture/sequences/{sequence.GetProperty("id").GetGuid()}/activate", null)).EnsureSuccessStatusCode();
        return sequence;
    }
}
