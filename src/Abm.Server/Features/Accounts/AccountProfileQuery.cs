using Abm.Data;
using Abm.Engines;
using Abm.Engines.Engagement;
using Abm.Server.Features.Access;
using Abm.Server.Features.Engagement;
using Abm.Server.Features.Listing;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Features.Accounts;

/// <summary>
/// One account in depth: who its stakeholders are by buying role and which roles an engaged contact covers,
/// how active its contacts were week by week, and what they did last. The API's account route and the
/// dashboard's account page both call this.
/// </summary>
internal sealed class AccountProfileQuery(AbmDbContext database, AccountQuery accounts, EngagementSettingsStore settingsStore, EngagementTimeline timeline, CurrentWorkspace workspace, TimeProvider clock)
{
    public const int Weeks = 12;
    public const int TimelineLength = EngagementTimeline.DefaultLength;

    public async Task<AccountProfileResponse?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await accounts.FindByIdAsync(id, cancellationToken) is not { } account)
        {
            return null;
        }

        var settings = await settingsStore.LoadAsync(workspace.WorkspaceId!.Value, cancellationToken);
        var contacts = await database.Contacts.AsNoTracking()
            .Where(c => c.CompanyId == id && c.ArchivedAt == null)
            .Select(c => new { c.Id, c.FirstName, c.LastName, c.Email, c.HubSpotId, c.JobTitle, c.PersonaType, c.BuyingRole, c.JourneyStage, c.LastInteractionAt, c.EngagementScore })
            .ToListAsync(cancellationToken);
        var people = contacts.Select(c => (
            Roles: WireNames.TryParseBuyingRoles(c.BuyingRole, out var roles) ? roles : BuyingRoles.None,
            // Engaged means what the roll-up's coverage means: at or above the workspace's engaged threshold.
            Stakeholder: new Stakeholder(c.Id, PersonNames.Of(c.FirstName, c.LastName, c.Email, c.HubSpotId)!, c.JobTitle, c.PersonaType, c.EngagementScore, c.EngagementScore >= settings.EngagedThreshold, c.JourneyStage, c.LastInteractionAt)))
            .ToList();

        var map = AccountEngagementRollup.SingleRoles
            .Select(role => Role(role.ToWireName(), settings.CoverageRoles.HasFlag(role), people.Where(p => p.Roles.HasFlag(role)).Select(p => p.Stakeholder)))
            .Append(Role("NONE", countsTowardsCoverage: false, people.Where(p => p.Roles == BuyingRoles.None).Select(p => p.Stakeholder)))
            .ToList();
        var names = people.ToDictionary(p => p.Stakeholder.ContactId, p => p.Stakeholder.Name);
        return new AccountProfileResponse(
            account, map, await ActivityByWeekAsync([.. names.Keys], cancellationToken), await timeline.LatestAsync(names, TimelineLength, cancellationToken),
            await EngagementTrendAsync(id, cancellationToken));
    }

    /// <summary>The daily history's rows of the account: one key range of its primary key, at most 90 rows.</summary>
    private async Task<IReadOnlyList<EngagementDay>> EngagementTrendAsync(Guid companyId, CancellationToken cancellationToken)
    {
        var since = clock.GetUtcNow().UtcDateTime.Date.AddDays(-(Overview.OverviewQuery.TrendDays - 1));
        var days = await database.AccountScoreDays.AsNoTracking()
            .Where(d => d.CompanyId == companyId && d.Day >= since)
            .OrderBy(d => d.Day)
            .Select(d => new { d.Day, d.Score, d.StakeholderCoverage })
            .ToListAsync(cancellationToken);
        return [.. days.Select(d => new EngagementDay(DateOnly.FromDateTime(d.Day), Math.Round(d.Score, 1), Math.Round(d.StakeholderCoverage, 1)))];
    }

    private static StakeholderRole Role(string role, bool countsTowardsCoverage, IEnumerable<Stakeholder> holders)
    {
        var contacts = holders.OrderByDescending(s => s.Score).ThenBy(s => s.Name, StringComparer.Ordinal).ToList();
        return new StakeholderRole(role, countsTowardsCoverage, countsTowardsCoverage && contacts.Any(c => c.Engaged), contacts);
    }

    private async Task<IReadOnlyList<WeeklyActivity>> ActivityByWeekAsync(List<Guid> contactIds, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var thisWeek = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var firstWeek = thisWeek.AddDays(-7 * (Weeks - 1));
        var since = firstWeek.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var events = contactIds.Count == 0
            ? []
            : await database.EngagementEvents.AsNoTracking()
                .Where(e => contactIds.Contains(e.ContactId) && e.OccurredAt >= since)
                .Select(e => new { e.OccurredAt, e.ContactId })
                .ToListAsync(cancellationToken);
        var byWeek = events.ToLookup(e => (DateOnly.FromDateTime(e.OccurredAt).DayNumber - firstWeek.DayNumber) / 7);
        return [.. Enumerable.Range(0, Weeks).Select(week => new WeeklyActivity(firstWeek.AddDays(7 * week), byWeek[week].Count(), byWeek[week].Select(e => e.ContactId).Distinct().Count()))];
    }
}
