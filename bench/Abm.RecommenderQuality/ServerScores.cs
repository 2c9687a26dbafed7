using Abm.Data;
using Abm.Server.Features.Access;
using Abm.Server.Features.Workspaces;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Abm.RecommenderQuality;

/// <summary>What the server concluded about each contact and account, read from its database by HubSpot id.</summary>
internal sealed record ServerScores(
    IReadOnlyDictionary<string, ServerScores.ContactView> Contacts, IReadOnlyDictionary<string, ServerScores.AccountView> Accounts)
{
    public static async Task<ServerScores> ReadAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentWorkspace>().Use(services.GetRequiredService<DefaultWorkspace>().Id);
        var database = scope.ServiceProvider.GetRequiredService<AbmDbContext>();
        var contacts = await (from contact in database.Contacts.AsNoTracking()
                              join score in database.ContactScores on contact.Id equals score.ContactId into scored
                              from score in scored.DefaultIfEmpty()
                              where contact.ArchivedAt == null
                              select new { contact.HubSpotId, Score = (double?)score.Score, Stage = contact.JourneyStageOverride ?? contact.JourneyStage })
            .ToListAsync(cancellationToken);
        var accounts = await (from company in database.Companies.AsNoTracking()
                              join score in database.AccountScores on company.Id equals score.CompanyId into scored
                              from score in scored.DefaultIfEmpty()
                              where company.ArchivedAt == null
                              select new { company.HubSpotId, Score = (double?)score.Score, Contacts = (int?)score.ContactCount })
            .ToListAsync(cancellationToken);
        return new ServerScores(
            contacts.ToDictionary(c => c.HubSpotId, c => new ContactView(c.Score ?? 0, c.Stage), StringComparer.Ordinal),
            accounts.ToDictionary(a => a.HubSpotId, a => new AccountView(a.Score ?? 0, a.Contacts ?? 0), StringComparer.Ordinal));
    }

    internal sealed record ContactView(double Score, string Stage);

    internal sealed record AccountView(double Score, int ContactCount);
}
