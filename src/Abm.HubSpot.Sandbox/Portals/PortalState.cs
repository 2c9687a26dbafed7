using Abm.HubSpot.Sandbox.Associations;
using Abm.HubSpot.Sandbox.Campaigns;
using Abm.HubSpot.Sandbox.Crm;
using Abm.HubSpot.Sandbox.Email;
using Abm.HubSpot.Sandbox.Forms;
using Abm.HubSpot.Sandbox.Lists;
using Abm.HubSpot.Sandbox.Market;
using Abm.HubSpot.Sandbox.Market.Behaviour;
using Abm.HubSpot.Sandbox.Owners;
using Abm.HubSpot.Sandbox.Persistence;
using Abm.HubSpot.Sandbox.Pipelines;
using Abm.HubSpot.Sandbox.Properties;

namespace Abm.HubSpot.Sandbox.Portals;

/// <summary>All data of one portal; replaced as a whole on reseed. Used only under the portal's lock.</summary>
internal sealed class PortalState
{
    private long _nextId;
    private Lazy<SimulatedMarket>? _market;

    public PortalState(DateTimeOffset now, long firstId, int seed)
    {
        _nextId = firstId;
        SeededAt = now;
        Seed = seed;
        Stores = CrmObjectTypes.All.ToDictionary(t => t, t => new ObjectStore(t));
        Schemas = CrmObjectTypes.All.ToDictionary(t => t, t => DefaultPropertyCatalog.Create(t, now));
        DealPipelines = [DefaultDealPipeline.Create(now)];
    }

    /// <summary>The moment the data was generated; the simulated market dates its content and buying cycles from it.</summary>
    public DateTimeOffset SeededAt { get; }

    /// <summary>The seed the data was generated from; the simulated market derives its hidden truth from it.</summary>
    public int Seed { get; }

    public IReadOnlyDictionary<CrmObjectType, ObjectStore> Stores { get; }

    public IReadOnlyDictionary<CrmObjectType, PropertySchema> Schemas { get; }

    public AssociationStore Associations { get; } = new();

    public List<Owner> Owners { get; } = [];

    /// <summary>The deal pipelines, the default one first; their stages are the options of <c>dealstage</c>.</summary>
    public List<DealPipeline> DealPipelines { get; }

    public Dictionary<long, CrmList> Lists { get; } = [];

    public AppendOnlyLog<TransactionalSend> TransactionalSends { get; } = new();

    /// <summary>Marketing single sends (v4) in the order they were accepted.</summary>
    public AppendOnlyLog<TransactionalSend> MarketingSends { get; } = new();

    /// <summary>Marketing campaigns by guid.</summary>
    public Dictionary<string, MarketingCampaign> Campaigns { get; } = new(StringComparer.Ordinal);

    /// <summary>Marketing email events in the order they happened.</summary>
    public AppendOnlyLog<EmailEvent> EmailEvents { get; } = new();

    /// <summary>The portal's forms, in the order they were created.</summary>
    public List<MarketingForm> Forms { get; } = [];

    /// <summary>Submissions of every form in the order they were recorded; the submissions API serves them newest first.</summary>
    public AppendOnlyLog<FormSubmission> FormSubmissions { get; } = new();

    public long NextListId { get; set; } = 1;

    /// <summary>What the simulated buyers have done so far; starts empty and runs with the simulated clock.</summary>
    public BehaviourState Behaviour { get; } = new();

    /// <summary>
    /// Associations to records that still exist: an archived record drops out of its partners'
    /// associations, as in HubSpot, while the edges are kept for the record itself.
    /// </summary>
    public IReadOnlyList<AssociationLink> ActiveLinks(CrmObjectType fromType, long fromId, CrmObjectType toType) =>
        Associations.Of(fromType, fromId, toType).Where(l => Stores[l.ToType].FindActive(l.ToId) is not null).ToList();

    /// <summary>Ids are unique across object types in a portal, which makes mixed-up ids fail loudly.</summary>
    public long NextId() => _nextId++;

    /// <summary>The id the next record will get, without taking it (the data file stores it).</summary>
    public long PeekNextId => _nextId;

    /// <summary>How many companies seeding created; with the seed and the seeding moment it decides the market.</summary>
    public int SeededAccounts { get; private set; }

    /// <summary>True for a state read back from the data file rather than seeded in this process.</summary>
    public bool RestoredFromFile { get; private set; }

    /// <summary>
    /// The hidden market behind the seeded data. It is fixed when seeding ends, so records and values the engine
    /// writes later through the API never change the truth it is judged against.
    /// </summary>
    public SimulatedMarket Market => _market?.Value ?? throw new InvalidOperationException("The portal's data is still being seeded.");

    public void EndSeeding()
    {
        SeededAccounts = Stores[CrmObjectTypes.Companies].Ordered.Count;
        var market = SimulatedMarket.Create(this);
        _market = new Lazy<SimulatedMarket>(market);
    }

    /// <summary>
    /// Completes a state read back from the data file. The market is not stored: it is a function of the seeded
    /// data, so <paramref name="regenerateMarket"/> rebuilds it from the seed on first use.
    /// </summary>
    public void EndRestore(long nextId, int seededAccounts, Func<SimulatedMarket> regenerateMarket)
    {
        RestoredFromFile = true;
        _nextId = nextId;
        SeededAccounts = seededAccounts;
        _market = new Lazy<SimulatedMarket>(regenerateMarket);
    }
}
