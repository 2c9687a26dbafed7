using System.Buffers.Binary;
using System.Net;
using System.Text.Json;
using Deque.AxeCore.Playwright;

namespace Abm.Browser.Tests;

/// <summary>The dashboard as a progressive web app: a manifest with real icons, and an offline page served by its service worker.</summary>
public sealed partial class DashboardTests
{
    [Fact]
    public async Task Manifest_ServedWithoutSignIn_NamesTheAppAndIconsThatArePngsOfTheirSize()
    {
        using var http = new HttpClient { BaseAddress = fixture.Server.Address };

        var response = await http.GetAsync("/manifest.webmanifest");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/manifest+json");
        using var manifest = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = manifest.RootElement;
        (root.GetProperty("name").GetString(), root.GetProperty("start_url").GetString(), root.GetProperty("display").GetString()).ShouldBe(("ABM Engine", "/", "standalone"));
        var icons = root.GetProperty("icons").EnumerateArray().ToList();
        icons.Select(i => i.GetProperty("sizes").GetString()).ShouldContain("192x192");
        icons.Select(i => i.GetProperty("sizes").GetString()).ShouldContain("512x512");
        foreach (var icon in icons)
        {
            var bytes = await http.GetByteArrayAsync(icon.GetProperty("src").GetString());
            bytes[..8].ShouldBe(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A });
            // The IHDR chunk gives width and height right after the signature and the chunk header.
            var size = $"{BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16))}x{BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20))}";
            size.ShouldBe(icon.GetProperty("sizes").GetString());
        }
    }

    [Fact]
    public async Task Offline_AfterTheServiceWorkerIsInstalled_APageLoadShowsTheOfflinePage()
    {
        var page = await fixture.SignedInPageAsync();
        await page.Locator("[data-kpi=accounts]").WaitForAsync();
        var script = await page.EvaluateAsync<string>("navigator.serviceWorker.ready.then(r => r.active.scriptURL)");
        new Uri(script).AbsolutePath.ShouldBe("/sw.js");
        (await page.EvaluateAsync<string>("document.querySelector('link[rel=manifest]').getAttribute('href')")).ShouldBe("/manifest.webmanifest");

        await page.Context.SetOfflineAsync(true);
        await page.GotoAsync("/accounts");

        await page.GetByRole(Microsoft.Playwright.AriaRole.Heading, new() { Name = "ABM Engine cannot be reached" }).WaitForAsync();
        await ScreenshotAsync(page, "offline");
        var serious = (await page.RunAxe()).Violations.Where(v => v.Impact is "serious" or "critical").Select(v => v.Id).ToList();
        serious.ShouldBeEmpty();
        await page.Context.SetOfflineAsync(false);
        await page.Context.CloseAsync();
    }
}
