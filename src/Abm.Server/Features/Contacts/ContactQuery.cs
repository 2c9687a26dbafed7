// CA1862 wants string.Equals/Contains with StringComparison, which EF cannot translate; ToLower() becomes SQL lower().
#pragma warning disable CA1862
using Abm.Data;
using Abm.Engines.Engagement;
using Abm.Server.Features.Listing;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Features.Contacts;

/// <summary>
/// The contact list: live contacts of the workspace filtered, sorted and paged in the database (one count and
/// one page query; the company name and the lead priority are key lookups per row of the page). The API and the dashboard both call this.
/// </summary>
internal sealed class ContactQuery(AbmDbContext database)
{
    public async Task<ContactPage> ListAsync(ContactFilter filter, CancellationToken cancellationToken)
    {
        var rows = Filtered(filter);
        var total = await rows.CountAsync(cancellationToken);
        var page = await Sorted(rows, filter).Skip(filter.Offset).Take(filter.Limit)
            .Select(c => new
            {
                c.Id, c.HubSpotId, c.Email, c.FirstName, c.LastName, c.CompanyId, c.JobTitle, c.LifecycleStage, c.Segments, c.HubSpotUpdatedAt, c.SyncedAt,
                c.EngagementScore, c.JourneyStage, c.PersonaType, c.BuyingRole, c.OwnerHubSpotId, c.LastInteractionAt,
                Company = database.Companies.Where(co => co.Id == c.CompanyId).Select(co => co.Name).FirstOrDefault(),
                // A key lookup per row of the page, through the partial unique index of current lead scores.
                LeadPriority = database.LeadScores.Where(l => l.ContactId == c.Id && l.IsCurrent).Select(l => l.Priority).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return new ContactPage(
            [.. page.Select(c => new ContactRow(
                c.Id, c.HubSpotId, c.Email, c.FirstName, c.LastName, c.Company, c.CompanyId, c.JobTitle, c.LifecycleStage, c.Segments, c.HubSpotUpdatedAt,
                c.SyncedAt, c.EngagementScore, EngagementBands.Of(c.EngagementScore).ToString().ToLowerInvariant(), c.JourneyStage, c.PersonaType,
                c.BuyingRole, c.OwnerHubSpotId, c.LastInteractionAt, c.LeadPriority))],
            total);
    }

    /// <summary>The contact with this HubSpot id, or else with this email (newest record first, as event intake matches).</summary>
    public async Task<ContactRow?> FindAsync(string? hubSpotId, string? email, CancellationToken cancellationToken) =>
        (await ListAsync(new ContactFilter { HubSpotId = hubSpotId, Email = email, Sort = ContactSort.Updated, Descending = true, Limit = 1 }, cancellationToken))
            .Rows is [var first, ..] ? first : null;

    public async Task<ContactRow?> FindByIdAsync(Guid id, CancellationToken cancellationToken) =>
        (await ListAsync(new ContactFilter { Id = id, Limit = 1 }, cancellationToken)).Rows is [var row] ? row : null;

    private IQueryable<Data.Entities.Contact> Filtered(ContactFilter filter)
    {
        var rows = database.Contacts.AsNoTracking().Where(c => c.ArchivedAt == null);
        if (filter.Id is { } id)
        {
            rows = rows.Where(c => c.Id == id);
        }

        if (filter.HubSpotId is { } hubSpotId)
        {
            rows = rows.Where(c => c.HubSpotId == hubSpotId);
        }

        if (filter.Email is { } email)
        {
            // Sync stores emails in lower case, so the (workspace, email) index answers this.
            var wanted = email.ToLowerInvariant();
            rows = rows.Where(c => c.Email == wanted);
        }

        if (filter.MinScore is { } minScore)
        {
            rows = rows.Where(c => c.EngagementScore >= minScore);
        }

        if (filter.MaxScore is { } maxScore)
        {
            rows = rows.Where(c => c.EngagementScore <= maxScore);
        }

        if (filter.Stage is { } stage)
        {
            rows = rows.Where(c => c.JourneyStage == stage);
        }

        if (filter.Persona is { } persona)
        {
            rows = rows.Where(c => c.PersonaType == persona);
        }

        if (filter.LeadPriority is ContactFilter.NoLeadPriority)
        {
            rows = rows.Where(c => !database.LeadScores.Any(l => l.ContactId == c.Id && l.IsCurrent));
        }
        else if (filter.LeadPriority is { } priority)
        {
            rows = rows.Where(c => database.LeadScores.Any(l => l.ContactId == c.Id && l.IsCurrent && l.Priority == priority));
        }

        if (filter.Segment is { } segment)
        {
            rows = rows.Where(c => c.Segments.Contains(segment));
        }

        if (filter.CompanyId is { } companyId)
        {
            rows = rows.Where(c => c.CompanyId == companyId);
        }

        if (filter.Owner is { } owner)
        {
            rows = rows.Where(c => c.OwnerHubSpotId == owner);
        }

        if (filter.Search is { } search)
        {
            var wanted = search.ToLower();
            rows = rows.Where(c => (c.Email != null && c.Email.Contains(wanted)) || (c.FirstName != null && c.FirstName.ToLower().Contains(wanted))
                || (c.LastName != null && c.LastName.ToLower().Contains(wanted)));
        }

        return rows;
    }

    private IQueryable<Data.Entities.Contact> Sorted(IQueryable<Data.Entities.Contact> rows, ContactFilter filter)
    {
        var descending = filter.Descending;
        var sorted = filter.Sort switch
        {
            ContactSort.Score => rows.SortBy(c => c.EngagementScore, descending),
            ContactSort.Stage => rows.SortBy(JourneyOrder.Position<Data.Entities.Contact>(c => c.JourneyStage), descending),
            ContactSort.Persona => rows.SortBy(c => c.PersonaType, descending),
            ContactSort.Email => rows.SortBy(c => c.Email, descending),
            ContactSort.LastInteraction => rows.SortBy(c => c.LastInteractionAt, descending),
            ContactSort.Updated => rows.SortBy(c => c.UpdatedAt, descending),
            // High, medium, low, then contacts not scored as leads; within a priority, by lead score. Both are read
            // through the one-current-score-per-contact index; a missing score counts 0 on every database.
            ContactSort.LeadPriority => rows
                .SortBy(c => database.LeadScores.Where(l => l.ContactId == c.Id && l.IsCurrent)
                    .Select(l => (int?)(l.Priority == Leads.LeadPriorities.High ? 3 : l.Priority == Leads.LeadPriorities.Medium ? 2 : 1)).FirstOrDefault() ?? 0, descending)
                .ThenSortBy(c => database.LeadScores.Where(l => l.ContactId == c.Id && l.IsCurrent).Select(l => (int?)l.Score).FirstOrDefault() ?? -1, descending),
            _ => rows.SortBy(c => c.LastName, descending).ThenSortBy(c => c.FirstName, descending),
        };

        // Ties fall back to the name, then the id, so paging is stable.
        return sorted.ThenBy(c => c.LastName).ThenBy(c => c.FirstName).ThenBy(c => c.Id);
    }
}
