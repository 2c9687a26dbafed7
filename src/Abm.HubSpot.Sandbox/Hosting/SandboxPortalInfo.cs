namespace Abm.HubSpot.Sandbox.Hosting;

/// <summary>What a client needs to talk to one sandbox portal.</summary>
public sealed record SandboxPortalInfo(long PortalId, string AccessToken, SandboxTier Tier);
