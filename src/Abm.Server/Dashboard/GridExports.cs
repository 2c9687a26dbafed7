using Abm.Server.Features.Accounts;
using Abm.Server.Features.Contacts;
using Abm.Server.Features.Content;
using Abm.Server.Features.Leads;
using Abm.Server.Features.Listing;
using static Abm.Server.Dashboard.CsvDownload;

namespace Abm.Server.Dashboard;

/// <summary>
/// The grids' CSV: downloads that read the query string of their API route with the route's own parser, and the
/// same files written by <c>abm export</c>.
/// </summary>
internal static class GridExports
{
    private static readonly string[] AccountHeaders =
        ["id", "hubspot_id", "name", "domain", "tier", "industry", "score", "engagement_band", "velocity", "stakeholder_coverage", "dominant_stage", "contacts", "owner", "owner_hubspot_id"];

    private static readonly string[] ContactHeaders =
        ["id", "hubspot_id", "first_name", "last_name", "email", "company", "company_id", "score", "engagement_band", "journey_stage", "persona", "segments", "lead_priority"];

    private static readonly string[] ContentHeaders =
        ["id", "external_id", "title", "content_type", "topic", "url", "engagement_rate", "conversion_rate", "completion_rate", "contacts_reached", "led_to_meetings"];

    /// <summary>The content grid: the query string of <c>GET /api/content</c>, read by the same parser.</summary>
    public static async Task<IResult> ContentAsync(string? search, string? type, string? sort, string? order, ContentQuery content, CancellationToken cancellationToken)
    {
        var (filter, field, error) = ContentFilter.Read(search, type, sort, order, null, null);
        return filter is null
            ? TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field!] = [error!] })
            : await DownloadAsync("content.csv", ContentHeaders, ContentPage(content, filter, cancellationToken), ContentFields, cancellationToken);
    }

    private static readonly string[] LeadHeaders = ["contact_id", "hubspot_id", "email", "first_name", "last_name", "score", "fit", "priority", "next_action", "scored_at"];

    /// <summary>The leads grid: one priority queue, best score first, as <c>GET /api/leads?priority=</c> lists it.</summary>
    public static async Task<IResult> LeadsAsync(string? priority, LeadQuery leads, CancellationToken cancellationToken) =>
        priority is not null && !LeadPriorities.All.Contains(priority)
            ? TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["priority"] = ["priority must be high, medium or low."] })
            : await DownloadAsync("leads.csv", LeadHeaders, async (offset, limit) => (await leads.ListAsync(priority, null, null, limit, offset, cancellationToken)).Items,
                l => [l.ContactId.ToString(), l.HubSpotId, l.Email, l.FirstName, l.LastName, Number(l.Score), l.Fit, l.Priority, l.NextAction, l.ScoredAt.ToString("O")], cancellationToken);

    public static async Task<IResult> AccountsAsync([AsParameters] AccountListParameters parameters, AccountQuery accounts, CancellationToken cancellationToken)
    {
        var reader = new QueryReader();
        var filter = AccountFilter.Read(parameters, reader);
        return reader.HasErrors
            ? TypedResults.ValidationProblem(reader.Errors)
            : await DownloadAsync("accounts.csv", AccountHeaders, AccountPage(accounts, filter, cancellationToken), AccountFields, cancellationToken);
    }

    public static async Task<IResult> ContactsAsync([AsParameters] ContactListParameters parameters, ContactQuery contacts, CancellationToken cancellationToken)
    {
        var reader = new QueryReader();
        var filter = ContactFilter.Read(parameters, reader);
        return reader.HasErrors
            ? TypedResults.ValidationProblem(reader.Errors)
            : await DownloadAsync("contacts.csv", ContactHeaders, ContactPage(contacts, filter, cancellationToken), ContactFields, cancellationToken);
    }

    /// <summary>Every account the grid shows with no filter, in its default order.</summary>
    public static Task WriteAccountsAsync(Stream output, AccountQuery accounts, CancellationToken cancellationToken) =>
        WriteAsync(output, AccountHeaders, AccountPage(accounts, AccountFilter.Read(new AccountListParameters(), new QueryReader()), cancellationToken), AccountFields, cancellationToken);

    /// <summary>Every contact the grid shows with no filter, in its default order.</summary>
    public static Task WriteContactsAsync(Stream output, ContactQuery contacts, CancellationToken cancellationToken) =>
        WriteAsync(output, ContactHeaders, ContactPage(contacts, ContactFilter.Read(new ContactListParameters(), new QueryReader()), cancellationToken), ContactFields, cancellationToken);

    private static Func<int, int, Task<IReadOnlyList<AccountRow>>> AccountPage(AccountQuery accounts, AccountFilter filter, CancellationToken cancellationToken) =>
        async (offset, limit) => (await accounts.ListAsync(filter with { Offset = offset, Limit = limit }, cancellationToken)).Rows;

    private static Func<int, int, Task<IReadOnlyList<ContactRow>>> ContactPage(ContactQuery contacts, ContactFilter filter, CancellationToken cancellationToken) =>
        async (offset, limit) => (await contacts.ListAsync(filter with { Offset = offset, Limit = limit }, cancellationToken)).Rows;

    private static Func<int, int, Task<IReadOnlyList<ContentItemResponse>>> ContentPage(ContentQuery content, ContentFilter filter, CancellationToken cancellationToken) =>
        async (offset, limit) => (await content.ListAsync(filter with { Offset = offset, Limit = limit }, cancellationToken)).Items;

    private static string?[] ContentFields(ContentItemResponse item)
    {
        var metrics = ContentQuery.MetricsOf(item);
        return [item.Id.ToString(), item.ExternalId, item.Title, item.ContentType, item.Topic, item.Url, Number(metrics.EngagementRate), Number(metrics.ConversionRate),
            Number(metrics.CompletionRate), Number(metrics.Contacts), Number(metrics.Meetings)];
    }

    private static string?[] AccountFields(AccountRow row) =>
        [row.Id.ToString(), row.HubSpotId, row.Name, row.Domain, row.Tier, row.Industry, Number(row.Score), row.EngagementBand, Number(row.Velocity),
            Number(row.StakeholderCoverage), row.DominantStage, Number(row.ContactCount), row.Owner?.Name, row.Owner?.HubSpotId];

    private static string?[] ContactFields(ContactRow row) =>
        [row.Id.ToString(), row.HubSpotId, row.FirstName, row.LastName, row.Email, row.Company, row.CompanyId?.ToString(), Number(row.Score),
            row.EngagementBand, row.JourneyStage, row.Persona, string.Join(';', row.Segments), row.LeadPriority];
}
