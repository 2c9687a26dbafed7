using Abm.HubSpot.Associations;
using Abm.HubSpot.Auth;
using Abm.HubSpot.Campaigns;
using Abm.HubSpot.Crm;
using Abm.HubSpot.Email;
using Abm.HubSpot.Forms;
using Abm.HubSpot.Http;
using Abm.HubSpot.Lists;
using Abm.HubSpot.MarketingEmails;
using Abm.HubSpot.Owners;
using Abm.HubSpot.Pipelines;
using Abm.HubSpot.Properties;
using Abm.HubSpot.Search;
using Abm.HubSpot.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Abm.HubSpot;

/// <summary>
/// Typed client for one HubSpot portal. It paces calls under the portal's burst, search and daily limits
/// (so create one per portal and reuse it), retries transient failures with back-off, refreshes OAuth
/// tokens, and maps HubSpot's JSON to records. Every method takes a <see cref="CancellationToken"/>.
/// </summary>
public sealed class HubSpotClient : IDisposable
{
    /// <summary>The name of the meter (<see cref="HubSpotClientOptions.Meter"/>) and of the trace source the client reports on.</summary>
    public const string MeterName = HubSpotTelemetry.MeterName;

    private readonly HubSpotTransport _transport;

    /// <param name="httpClient">Used as is; the client sets per-attempt timeouts itself, so its own timeout should be generous.</param>
    /// <param name="authentication">Private app token or OAuth tokens.</param>
    /// <param name="options">Base URL, path prefix, limits and retries; defaults target api.hubapi.com.</param>
    /// <param name="timeProvider">Clock for pacing, back-off, timeouts and token expiry; the system clock by default.</param>
    /// <param name="logger">Receives retry and refresh notices (never tokens).</param>
    public HubSpotClient(
        HttpClient httpClient,
        HubSpotAuthentication authentication,
        HubSpotClientOptions? options = null,
        TimeProvider? timeProvider = null,
        ILogger<HubSpotClient>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(authentication);
        _transport = new HubSpotTransport(httpClient, options ?? new HubSpotClientOptions(), authentication, timeProvider ?? TimeProvider.System, logger ?? NullLogger<HubSpotClient>.Instance);
        Crm = new CrmObjectsClient(_transport);
        Search = new CrmSearchClient(_transport);
        Properties = new PropertiesClient(_transport);
        Owners = new OwnersClient(_transport);
        Associations = new AssociationsClient(_transport);
        Tasks = new TasksClient(Crm);
        Email = new EmailClient(_transport);
        Forms = new FormsClient(_transport);
        Lists = new ListsClient(_transport);
        Pipelines = new PipelinesClient(_transport);
        Campaigns = new CampaignsClient(_transport);
        MarketingEmails = new MarketingEmailsClient(_transport);
    }

    /// <summary>CRM objects: list pages, get, batch read/create/update/upsert/archive.</summary>
    public CrmObjectsClient Crm { get; }

    /// <summary>CRM search and incremental reads by modification time.</summary>
    public CrmSearchClient Search { get; }

    /// <summary>Property definitions and groups, and idempotent provisioning of the engine's properties.</summary>
    public PropertiesClient Properties { get; }

    /// <summary>The portal's owners, paged, optionally by email.</summary>
    public OwnersClient Owners { get; }

    /// <summary>Associations v4: batch reads between two object types and default associations.</summary>
    public AssociationsClient Associations { get; }

    /// <summary>Tasks for owners (follow-ups), created in batches with their contact, company and deal associations.</summary>
    public TasksClient Tasks { get; }

    /// <summary>Transactional single sends (idempotent by sendId) and marketing email events.</summary>
    public EmailClient Email { get; }

    /// <summary>The portal's forms and their submissions (newest first).</summary>
    public FormsClient Forms { get; }

    /// <summary>Lists: create, find, and membership changes of static lists, 100 records per call.</summary>
    public ListsClient Lists { get; }

    /// <summary>Deal pipelines and their stages.</summary>
    public PipelinesClient Pipelines { get; }

    /// <summary>Marketing campaigns: list, read, create, and their assets.</summary>
    public CampaignsClient Campaigns { get; }

    /// <summary>Marketing emails (the templates) and their single sends.</summary>
    public MarketingEmailsClient MarketingEmails { get; }

    /// <summary>The current burst pacing (calls at once, calls per second), after corrections from HubSpot's headers.</summary>
    public (int Burst, double PerSecond) BurstPacing => (_transport.Limiter.BurstSize.Capacity, _transport.Limiter.BurstSize.TokensPerSecond);

    /// <summary>Calls made so far (every attempt) and how many HubSpot refused with 429; take two snapshots to measure a run.</summary>
    public HubSpotCallCounts CallCounts => _transport.Counters.Snapshot();

    public void Dispose() => _transport.Dispose();
}
