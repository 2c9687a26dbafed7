using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Abm.Server.Features.Users;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Abm.Server.Tests.Users;

/// <summary>Signing in to the dashboard with a cookie, which opens the pages and never the API.</summary>
public sealed partial class DashboardSignInTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private const string Password = "a long enough passphrase";

    private AbmServerFactory Server => fixture.Factory;

    [Fact]
    public async Task Page_Anonymous_RedirectsToSignIn()
    {
        var browser = Browser();

        var response = await browser.GetAsync("/accounts");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/signin?ReturnUrl=%2Faccounts");
        (await browser.GetAsync("/export/accounts.csv")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task SignIn_RightPassword_OpensPagesButNeverTheApi()
    {
        var email = await AddUserAsync("viewer");
        var browser = Browser();

        var signedIn = await SignInAsync(browser, email, Password, "/accounts");

        signedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        signedIn.Headers.Location!.ToString().ShouldBe("http://localhost/accounts");
        var overview = await browser.GetAsync("/");
        overview.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await overview.Content.ReadAsStringAsync()).ShouldContain("_framework/blazor.web.js"); // the interactive page, not the sign-in form
        (await browser.GetAsync("/export/accounts.csv")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await browser.GetAsync("/api/accounts")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task SignIn_WrongPasswordOrUnknownEmail_SameMessageAndLockedAfterFive()
    {
        var email = await AddUserAsync("marketer");
        var browser = Browser();

        var unknown = await SignInAsync(browser, "nobody@example.com", Password);
        (await unknown.Content.ReadAsStringAsync()).ShouldContain("That email and password do not match an account");
        for (var attempt = 1; attempt < 5; attempt++)
        {
            var wrong = await SignInAsync(browser, email, "not the password at all");
            wrong.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await wrong.Content.ReadAsStringAsync()).ShouldContain("That email and password do not match an account");
        }

        var fifth = await SignInAsync(browser, email, "not the password at all");
        (await fifth.Content.ReadAsStringAsync()).ShouldContain("locked for 15 minutes");
        var right = await SignInAsync(browser, email, Password);
        (await right.Content.ReadAsStringAsync()).ShouldContain("locked for 15 minutes");
    }

    [Theory]
    [InlineData("//evil.example/phish")]
    [InlineData("https://evil.example/")]
    [InlineData("/\\evil.example")]
    public async Task SignIn_ReturnUrlElsewhere_GoesToOverviewInstead(string returnUrl)
    {
        var email = await AddUserAsync("sales");

        var response = await SignInAsync(Browser(), email, Password, returnUrl);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldBe("http://localhost/");
    }

    [Fact]
    public async Task SignIn_FormWithoutAntiforgeryToken_IsRefused()
    {
        var email = await AddUserAsync("admin");
        var browser = Browser();

        var response = await browser.PostAsync("/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "signin", ["Input.Email"] = email, ["Input.Password"] = Password,
        }));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await browser.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task SignOut_WithToken_EndsTheSession()
    {
        var email = await AddUserAsync("viewer");
        var browser = Browser();
        await SignInAsync(browser, email, Password);
        var page = await (await browser.GetAsync("/")).Content.ReadAsStringAsync();

        var response = await browser.PostAsync("/signout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = TokenIn(page) }));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await browser.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Session_UserRemoved_CookieStopsWorking()
    {
        var email = await AddUserAsync("viewer");
        var browser = Browser();
        await SignInAsync(browser, email, Password);
        (await browser.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.OK);

        await using (var database = Server.OpenDatabase())
        {
            database.Users.RemoveRange(database.Users.Where(u => u.Email == email));
            await database.SaveChangesAsync();
        }

        (await browser.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task ContactsExport_SignedIn_HoldsWhatTheApiListsForTheSameQuery()
    {
        var (email, workspace) = await AddUserInWorkspaceAsync("sales");
        for (var i = 0; i < 12; i++)
        {
            await Lists.ListSeed.ContactAsync(Server, workspace, $"Export{i:00}", i * 8, i % 2 == 0 ? "vendor_evaluation" : "problem_awareness");
        }

        var browser = Browser();
        await SignInAsync(browser, email, Password);
        const string query = "?sort=score&order=desc&stage=vendor_evaluation";

        var csv = (await browser.GetStringAsync($"/export/contacts.csv{query}")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var api = await Server.ClientWithKey((await Server.CreateKeyAsync("viewer", workspace)).Key)
            .GetFromJsonAsync<Abm.Server.Features.Contacts.ContactListResponse>($"/api/contacts{query}");

        csv[0].Trim().ShouldBe("id,hubspot_id,first_name,last_name,email,company,company_id,score,engagement_band,journey_stage,persona,segments,lead_priority");
        csv.Skip(1).Select(line => Guid.Parse(line.Split(',')[0])).ShouldBe(api!.Contacts.Select(c => c.Id));
        csv.Length.ShouldBe(7);
        (await browser.GetAsync("/export/contacts.csv?stage=closed")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    private HttpClient Browser() => Server.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    private async Task<string> AddUserAsync(string role) => (await AddUserInWorkspaceAsync(role)).Email;

    private async Task<(string Email, Guid Workspace)> AddUserInWorkspaceAsync(string role)
    {
        var email = $"user.{Guid.NewGuid():N}@example.com";
        var workspace = await Server.CreateWorkspaceAsync($"Signin {Guid.NewGuid():N}");
        await using var scope = Server.Services.CreateAsyncScope();
        var (user, problems) = await scope.ServiceProvider.GetRequiredService<DashboardUsers>().AddAsync(email, role, workspace, Password);
        user.ShouldNotBeNull(string.Join("; ", problems));
        return (email, workspace);
    }

    /// <summary>Fills in the sign-in form as a browser does: the page's antiforgery token and cookie go with it.</summary>
    private static async Task<HttpResponseMessage> SignInAsync(HttpClient browser, string email, string password, string? returnUrl = null)
    {
        var page = await (await browser.GetAsync("/signin")).Content.ReadAsStringAsync();
        var target = returnUrl is null ? "/signin" : $"/signin?returnUrl={Uri.EscapeDataString(returnUrl)}";
        return await browser.PostAsync(target, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "signin", ["__RequestVerificationToken"] = TokenIn(page), ["Input.Email"] = email, ["Input.Password"] = password,
        }));
    }

    private static string TokenIn(string page) => TokenPattern().Match(page).Groups[1].Value;

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
