namespace Abm.Server.Features.Demo;

/// <summary>Whether this server runs the demo, and where its sandbox is; every response says so when it does.</summary>
internal sealed class DemoStatus(IConfiguration configuration, TimeProvider clock)
{
    /// <summary>What a demo server says of its data, in the API and on every dashboard page.</summary>
    public const string Note = "Demo data: every record and event comes from the built-in HubSpot sandbox's simulated buyers, not from a real portal.";

    /// <summary>Set only by <c>abm demo</c> (see <see cref="DemoMode.ServerArguments"/>), which starts the sandbox it names.</summary>
    public Uri? SandboxUrl { get; } = configuration["Demo:SandboxUrl"] is { Length: > 0 } url ? new Uri(url) : null;

    public bool Enabled => SandboxUrl is not null;

    public DateTime StartedAt { get; } = clock.GetUtcNow().UtcDateTime;

    /// <summary>Set when the bootstrap has connected, synced, imported and scored; null before (or when it failed).</summary>
    public DateTime? ReadyAt { get; set; }

    public string? Problem { get; set; }
}
