namespace Abm.HubSpot.Sandbox.Hosting;

/// <summary>HubSpot subscription tier of a sandbox portal; it decides the private-app rate limits.</summary>
public enum SandboxTier
{
    Free,
    Starter,
    Professional,
    Enterprise,
}
