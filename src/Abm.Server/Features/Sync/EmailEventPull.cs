using Abm.Data;
using Abm.Data.Entities;
using Abm.Server.Features.Content;
using Abm.HubSpot;
using Abm.HubSpot.Email;

namespace Abm.Server.Features.Sync;

/// <summary>
/// Marketing email opens and clicks (email events API) as <c>email_open</c> and <c>email_click</c> events, one
/// page read ahead. The watermark (<c>sync_state</c> row <c>email_events</c>) is saved with each page. A click on
/// a link to a library item (<see cref="ContentUrls"/>) is recorded against that item, so clicks on what nurture sent
/// count as engagement with it (in the contact's history and in the recommender's weight fit). Each event keeps its
/// <c>emailCampaignId</c> in its metadata, so a marketing send's and a campaign's opens and clicks can be counted.
/// </summary>
internal sealed class EmailEventPull(SyncStates syncStates, PulledEngagementWriter events, AbmDbContext database)
{
    private Dictionary<string, Guid>? _itemsByUrl;

    public const string StateName = "email_events";

    private static readonly Dictionary<string, string> EmailEventTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["OPEN"] = "email_open",
        ["CLICK"] = "email_click",
    };

    public async Task PullAsync(HubSpotClient client, CancellationToken cancellationToken)
    {
        var state = (await syncStates.LoadAsync([StateName], cancellationToken))[StateName];
        var query = new EmailEventQuery { Since = PulledEngagementWriter.Utc(state.IncrementalWatermark) };
        Task<EmailEventPage>? fetching = client.Email.ListEventPageAsync(query, null, cancellationToken);
        try
        {
            while (fetching is not null)
            {
                var page = await fetching;
                fetching = page.Offset is not null ? client.Email.ListEventPageAsync(query, page.Offset, cancellationToken) : null;
                await ApplyAsync(page, state, cancellationToken);
            }
        }
        finally
        {
            await ReadAhead.ObserveAsync(fetching);
        }
    }

    private async Task ApplyAsync(EmailEventPage page, SyncState state, CancellationToken cancellationToken)
    {
        var wanted = page.Events.Where(e => e.Type is not null && EmailEventTypes.ContainsKey(e.Type) && e.Recipient is not null && e.Created is not null).ToList();
        var contacts = await events.ContactsByEmailAsync(wanted.Select(e => e.Recipient!), cancellationToken);
        var items = _itemsByUrl ??= await ContentItemsByUrl.LoadAsync(database, cancellationToken);
        state.IncrementalWatermark = PulledEngagementWriter.Later(state.IncrementalWatermark, page.Events.Max(e => e.Created)?.UtcDateTime);
        await events.AddAsync(
            wanted.Where(e => contacts.ContainsKey(e.Recipient!.ToLowerInvariant())).Select(e => new PulledEvent(
                $"hubspot-email-{e.Id}", contacts[e.Recipient!.ToLowerInvariant()], EmailEventTypes[e.Type!], e.Created!.Value.UtcDateTime, e.Url,
                items.Find(e.Url), e.EmailCampaignId)),
            state, cancellationToken);
    }
}
