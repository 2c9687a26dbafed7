using System.Net;
using System.Text.Json;
using Abm.Data.Entities;
using Abm.Server.Features.Access;
using Abm.Server.Features.Leads;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Abm.Server.Tests.Leads;

/// <summary>Lead-scoring test data: a profiled workspace, fitting leads, and services run in a workspace's scope as a worker does.</summary>
internal static class LeadTestData
{
    public const string Profile = """
        {"criteria":[{"name":"Core","industries":["technology","financial_services"],"employeesMin":200,"employeesMax":5000,
          "revenueMin":10000000,"revenueMax":1000000000,"countries":["united states"],"technologies":["hubspot","salesforce","aws","slack"]}]}
        """;

    /// <summary>A fresh workspace with <see cref="Profile"/> as its ideal-client profile, and a marketer client for it.</summary>
    public static async Task<(HttpClient Client, Guid Workspace)> ProfiledWorkspaceAsync(AbmServerFactory server)
    {
        var (client, workspace) = await server.MarketerInNewWorkspaceAsync();
        var response = await client.PutAsync("/api/icp", new StringContent(Profile, System.Text.Encoding.UTF8, "application/json"));
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (client, workspace);
    }

    /// <summary>A contact of a company with the given firmographics (technologies separated by semicolons, as HubSpot's web_technologies).</summary>
    public static async Task<Contact> SeedLeadAsync(
        AbmServerFactory server, Guid workspace, string title, string industry, int employees, decimal revenue, string country, string technologies, string? owner = null)
    {
        var company = new Company
        {
            Id = Guid.NewGuid(), WorkspaceId = workspace, HubSpotId = Guid.NewGuid().ToString("N"), Name = "Fit Co", Industry = industry,
            EmployeeCount = employees, AnnualRevenue = revenue,
            Properties = JsonSerializer.Serialize(new Dictionary<string, string> { ["country"] = country, ["web_technologies"] = technologies }),
        };
        await using (var database = server.OpenDatabase())
        {
            database.Companies.Add(company);
            await database.SaveChangesAsync();
        }

        var contact = await server.SeedContactAsync(workspace, title, company.Id);
        await using (var database = server.OpenDatabase())
        {
            await database.Contacts.IgnoreQueryFilters().Where(c => c.Id == contact.Id).ExecuteUpdateAsync(c => c.SetProperty(x => x.OwnerHubSpotId, owner));
        }

        return contact;
    }

    public static async Task<T> InWorkspaceAsync<T>(AbmServerFactory server, Guid workspace, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = server.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentWorkspace>().Use(workspace);
        return await work(scope.ServiceProvider);
    }

    public static Task<int> RefreshClosedWonAsync(AbmServerFactory server, Guid workspace) =>
        InWorkspaceAsync(server, workspace, services => services.GetRequiredService<IcpStore>().RefreshClosedWonAsync(workspace, CancellationToken.None));
}
