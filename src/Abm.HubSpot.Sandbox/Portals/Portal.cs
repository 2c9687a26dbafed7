using Abm.HubSpot.Sandbox.Hosting;

namespace Abm.HubSpot.Sandbox.Portals;

/// <summary>One HubSpot account in the sandbox: identity, tier, private-app token and its data.</summary>
internal sealed class Portal(long portalId, SandboxPortalOptions options, int seed, string privateAppToken, IReadOnlySet<string> privateAppScopes, PortalState state)
{
    private PortalState _state = state;

    public long PortalId { get; } = portalId;

    public SandboxPortalOptions Options { get; } = options;

    public SandboxTier Tier => Options.Tier;

    public int Seed { get; } = seed;

    public string PrivateAppToken { get; } = privateAppToken;

    public IReadOnlySet<string> PrivateAppScopes { get; } = privateAppScopes;

    public TimeZoneInfo TimeZone { get; } = TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone);

    public string HubDomain => $"portal-{PortalId}.sandbox.hubspot.local";

    /// <summary>Guards <see cref="State"/> and everything inside it.</summary>
    public Lock Gate { get; } = new();

    public PortalState State
    {
        get
        {
            lock (Gate)
            {
                return _state;
            }
        }
    }

    /// <summary>Runs a read of the portal's data under its lock.</summary>
    public T Read<T>(Func<PortalState, T> read)
    {
        lock (Gate)
        {
            return read(_state);
        }
    }

    public void Replace(PortalState state)
    {
        lock (Gate)
        {
            _state = state;
        }
    }

    public SandboxPortalInfo ToInfo() => new(PortalId, PrivateAppToken, Tier);
}
