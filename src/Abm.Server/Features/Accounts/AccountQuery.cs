// CA1862 wants string.Equals/Contains with StringComparison, which EF cannot translate; ToLower() becomes SQL lower().
#pragma warning disable CA1862
using Abm.Data;
using Abm.Engines.Engagement;
using Abm.Server.Features.Listing;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Features.Accounts;

/// <summary>
/// The account list: every live company of the workspace with its latest roll-up and owner, filtered, sorted
/// and paged in the database (one count and one page query, whatever the page size). The API and the
/// dashboard's accounts grid both call this.
/// </summary>
internal sealed class AccountQuery(AbmDbContext database)
{
    /// <summary>A company joined to its score and owner; the shape filters and sorts are written against.</summary>
    private sealed class Source
    {
        public Guid Id { get; init; }
        public string HubSpotId { get; init; } = "";
        public string? Name { get; init; }
        public string? Domain { get; init; }
        public string? Industry { get; init; }
        public string? Tier { get; init; }
        public int Score { get; init; }
        public double Velocity { get; init; }
        public double Coverage { get; init; }
        public string? Stage { get; init; }
        public int Contacts { get; init; }
        public DateTime? ScoredAt { get; init; }
        public string? OwnerHubSpotId { get; init; }
        public string? OwnerFirstName { get; init; }
        public string? OwnerLastName { get; init; }
        public string? OwnerEmail { get; init; }
    }

    public async Task<AccountPage> ListAsync(AccountFilter filter, CancellationToken cancellationToken)
    {
        var rows = Filtered(filter);
        var total = await rows.CountAsync(cancellationToken);
        var page = await Sorted(rows, filter).Skip(filter.Offset).Take(filter.Limit).ToListAsync(cancellationToken);
        return new AccountPage([.. page.Select(ToRow)], total);
    }

    public async Task<AccountRow?> FindByHubSpotIdAsync(string hubSpotId, CancellationToken cancellationToken) =>
        (await ListAsync(new AccountFilter { HubSpotId = hubSpotId, Limit = 1 }, cancellationToken)).Rows.SingleOrDefault();

    public async Task<AccountRow?> FindByIdAsync(Guid id, CancellationToken cancellationToken) =>
        (await ListAsync(new AccountFilter { Id = id, Limit = 1 }, cancellationToken)).Rows.SingleOrDefault();

    private IQueryable<Source> Filtered(AccountFilter filter)
    {
        var rows = from company in database.Companies.AsNoTracking()
                   where company.ArchivedAt == null
                   join score in database.AccountScores on company.Id equals score.CompanyId into scores
                   from score in scores.DefaultIfEmpty()
                   join owner in database.Owners on company.OwnerHubSpotId equals owner.HubSpotId into owners
                   from owner in owners.DefaultIfEmpty()
                   select new Source
                   {
                       Id = company.Id, HubSpotId = company.HubSpotId, Name = company.Name, Domain = company.Domain, Industry = company.Industry,
                       Tier = company.AccountTier, Score = company.EngagementScore, Velocity = company.EngagementVelocity,
                       Coverage = score == null ? 0 : score.StakeholderCoverage, Stage = score == null ? null : score.DominantStage,
                       Contacts = score == null ? 0 : score.ContactCount, ScoredAt = score == null ? null : score.ComputedAt,
                       OwnerHubSpotId = company.OwnerHubSpotId, OwnerFirstName = owner == null ? null : owner.FirstName,
                       OwnerLastName = owner == null ? null : owner.LastName, OwnerEmail = owner == null ? null : owner.Email,
                   };

        if (filter.Id is { } id)
        {
            rows = rows.Where(r => r.Id == id);
        }

        if (filter.HubSpotId is { } hubSpotId)
        {
            rows = rows.Where(r => r.HubSpotId == hubSpotId);
        }

        if (filter.MinScore is { } minScore)
        {
            rows = rows.Where(r => r.Score >= minScore);
        }

        if (filter.MaxScore is { } maxScore)
        {
            rows = rows.Where(r => r.Score <= maxScore);
        }

        if (filter.MinVelocity is { } minVelocity)
        {
            rows = rows.Where(r => r.Velocity >= minVelocity);
        }

        if (filter.MaxVelocity is { } maxVelocity)
        {
            rows = rows.Where(r => r.Velocity <= maxVelocity);
        }

        if (filter.MinCoverage is { } minCoverage)
        {
            rows = rows.Where(r => r.Coverage >= minCoverage);
        }

        if (filter.MaxCoverage is { } maxCoverage)
        {
            rows = rows.Where(r => r.Coverage <= maxCoverage);
        }

        if (filter.Stage is { } stage)
        {
            rows = rows.Where(r => r.Stage == stage);
        }

        if (filter.Tier is { } tier)
        {
            var wanted = tier.ToLower();
            rows = rows.Where(r => r.Tier != null && r.Tier.ToLower() == wanted);
        }

        if (filter.Industry is { } industry)
        {
            var wanted = industry.ToLower();
            rows = rows.Where(r => r.Industry != null && r.Industry.ToLower() == wanted);
        }

        if (filter.Owner is { } ownerId)
        {
            rows = rows.Where(r => r.OwnerHubSpotId == ownerId);
        }

        if (filter.Search is { } search)
        {
            var wanted = search.ToLower();
            rows = rows.Where(r => (r.Name != null && r.Name.ToLower().Contains(wanted)) || (r.Domain != null && r.Domain.ToLower().Contains(wanted)));
        }

        return rows;
    }

    private static IQueryable<Source> Sorted(IQueryable<Source> rows, AccountFilter filter)
    {
        var descending = filter.Descending;
        var sorted = filter.Sort switch
        {
            AccountSort.Name => rows.SortBy(r => r.Name, descending),
            AccountSort.Velocity => rows.SortBy(r => r.Velocity, descending),
            AccountSort.Coverage => rows.SortBy(r => r.Coverage, descending),
            AccountSort.Stage => rows.SortBy(JourneyOrder.Position<Source>(r => r.Stage), descending),
            AccountSort.Tier => rows.SortBy(r => r.Tier, descending),
            AccountSort.Industry => rows.SortBy(r => r.Industry, descending),
            AccountSort.Owner => rows.SortBy(r => r.OwnerLastName, descending).ThenSortBy(r => r.OwnerFirstName, descending).ThenSortBy(r => r.OwnerHubSpotId, descending),
            AccountSort.Contacts => rows.SortBy(r => r.Contacts, descending),
            _ => rows.SortBy(r => r.Score, descending),
        };

        // Ties (many accounts share a score) fall back to the name, then the id, so paging is stable.
        return sorted.ThenBy(r => r.Name).ThenBy(r => r.Id);
    }

    private static AccountRow ToRow(Source r) => new(
        r.Id, r.HubSpotId, r.Name, r.Domain, r.Industry, r.Tier, r.Score, EngagementBands.Of(r.Score).ToString().ToLowerInvariant(),
        r.Velocity, r.Coverage, r.Stage, r.Contacts,
        r.OwnerHubSpotId is null ? null : new AccountOwner(r.OwnerHubSpotId, PersonNames.Of(r.OwnerFirstName, r.OwnerLastName), r.OwnerEmail),
        r.ScoredAt);
}
