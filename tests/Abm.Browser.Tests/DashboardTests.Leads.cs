using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Abm.Browser.Tests;

/// <summary>The leads page: score every contact from the page, open a queue and read why a lead is in it.</summary>
public sealed partial class DashboardTests
{
    [Fact]
    public async Task LeadsPage_ScoreEveryContact_FillsTheQueuesAndExplainsALead()
    {
        (await fixture.Api.PutAsJsonAsync("/api/icp", new { criteria = new[] { new { name = "Technology and finance", industries = new[] { "technology", "financial_services" } } } }))
            .EnsureSuccessStatusCode();
        var page = await fixture.SignedInPageAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Leads" }).ClickAsync();
        await page.Locator("#leads-total").WaitForAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Score every contact" }).ClickAsync();
        var summary = await page.Locator("#score-summary").TextContentAsync(new() { Timeout = 120_000 });
        var counts = Regex.Match(summary!, @"Scored (\d+) contacts: (\d+) high, (\d+) medium, (\d+) low priority\.");
        counts.Success.ShouldBeTrue(summary);
        int.Parse(counts.Groups[1].Value).ShouldBe(fixture.Contacts.Count);
        var queue = new[] { ("high", 2), ("medium", 3), ("low", 4) }.First(q => int.Parse(counts.Groups[q.Item2].Value) > 0);

        await page.GetByLabel($"{char.ToUpperInvariant(queue.Item1[0])}{queue.Item1[1..]} priority").CheckAsync();
        await page.Locator("#leads-total").Filter(new() { HasText = $"{counts.Groups[queue.Item2].Value} leads in this queue" }).WaitForAsync();
        var first = page.Locator("tbody tr").First;
        var contactId = (await first.Locator("a").GetAttributeAsync("href"))!.Split('/').Last();
        await first.GetByRole(AriaRole.Button).ClickAsync();

        var reasoning = (await page.Locator("[data-field=reasoning]").TextContentAsync())!.Trim();
        var lead = await fixture.Api.GetFromJsonAsync<JsonElement>($"/api/leads/{contactId}");
        lead.GetProperty("priority").GetString().ShouldBe(queue.Item1);
        reasoning.ShouldBe(lead.GetProperty("reasoning").GetString());
        var axe = await page.RunAxe();
        axe.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help}").ShouldBeEmpty();
        await ScreenshotAsync(page, "leads");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task LeadsPage_LeadsScoredThroughTheApi_TheOpenQueueUpdatesWithoutAReload()
    {
        // Two profiles that sort the same contacts into different queues (scoring is deterministic without a model):
        // learn which queue's count differs, go back to the first profile, open that queue, then score with the second.
        string[] healthcare = ["healthcare"], technology = ["technology", "financial_services"];
        var first = await ScoreThroughTheApiAsync(healthcare);
        var second = await ScoreThroughTheApiAsync(technology);
        var queue = new[] { "high", "medium", "low" }.First(q => first.GetProperty(q).GetInt32() != second.GetProperty(q).GetInt32());
        await ScoreThroughTheApiAsync(healthcare);
        var page = await fixture.SignedInPageAsync();
        await page.GotoAsync("/leads");
        await page.GetByLabel($"{char.ToUpperInvariant(queue[0])}{queue[1..]} priority").CheckAsync();
        await page.Locator("#leads-total").Filter(new() { HasText = $"{first.GetProperty(queue).GetInt32()} leads in this queue" }).WaitForAsync();

        await ScoreThroughTheApiAsync(technology);

        await page.Locator("#leads-total").Filter(new() { HasText = $"{second.GetProperty(queue).GetInt32()} leads in this queue" }).WaitForAsync(new() { Timeout = 30_000 });
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task LeadsPage_TwoLeadsChosen_ScoredAgainThenEnrolledInASequence()
    {
        var counts = await ScoreThroughTheApiAsync(["technology", "financial_services"]);
        var queue = new[] { "high", "medium", "low" }.First(q => counts.GetProperty(q).GetInt32() >= 2);
        var sequence = await NewActiveSequenceAsync("Bulk drip");
        var page = await fixture.SignedInPageAsync();
        await page.GotoAsync("/leads");
        await page.GetByLabel($"{char.ToUpperInvariant(queue[0])}{queue[1..]} priority").CheckAsync();
        await page.Locator("#leads-total").Filter(new() { HasText = $"{counts.GetProperty(queue).GetInt32()} leads in this queue" }).WaitForAsync();
        var rows = page.Locator("tbody tr");
        var chosen = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            chosen.Add((await rows.Nth(i).Locator("a").GetAttributeAsync("href"))!.Split('/').Last());
            await rows.Nth(i).GetByRole(AriaRole.Checkbox).CheckAsync();
        }

        await Assertions.Expect(page.Locator("#leads-chosen")).ToHaveTextAsync("2 chosen");
        var before = await fixture.Api.GetFromJsonAsync<JsonElement>($"/api/leads/{chosen[0]}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Score again" }).ClickAsync();
        await Assertions.Expect(page.Locator("#bulk-outcome")).ToContainTextAsync("Scored 2 of 2 chosen leads again");
        var after = await fixture.Api.GetFromJsonAsync<JsonElement>($"/api/leads/{chosen[0]}");
        after.GetProperty("scoredAt").GetDateTime().ShouldBeGreaterThan(before.GetProperty("scoredAt").GetDateTime());
        await Assertions.Expect(page.Locator("#leads-chosen")).ToHaveTextAsync("Choose leads in the list to act on them.");

        for (var i = 0; i < 2; i++)
        {
            await page.Locator($"tbody tr:has(a[href$='{chosen[i]}'])").GetByRole(AriaRole.Checkbox).CheckAsync();
        }

        await page.Locator("#bulk-sequence").Locator("..").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Bulk drip" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Enrol in sequence" }).ClickAsync();
        await Assertions.Expect(page.Locator("#bulk-outcome")).ToHaveTextAsync("Enrolled 2 in Bulk drip.");
        var sequenceId = sequence.GetProperty("id").GetGuid();
        foreach (var contact in chosen)
        {
            var enrolled = await fixture.Api.GetFromJsonAsync<JsonElement>($"/api/nurture/enrollments?sequenceId={sequenceId}&contactId={contact}");
            enrolled.GetProperty("total").GetInt32().ShouldBe(1);
        }

        var axe = await page.RunAxe();
        axe.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help}").ShouldBeEmpty();
        await ScreenshotAsync(page, "leads-bulk");
        await page.Context.CloseAsync();
    }

    private async Task<JsonElement> ScoreThroughTheApiAsync(string[] industries)
    {
        (await fixture.Api.PutAsJsonAsync("/api/icp", new { criteria = new[] { new { name = "Profile", industries } } })).EnsureSuccessStatusCode();
        using var scored = await fixture.Api.PostAsJsonAsync("/api/leads/score", new { all = true });
        scored.EnsureSuccessStatusCode();
        return await scored.Content.ReadFromJsonAsync<JsonElement>();
    }
}
