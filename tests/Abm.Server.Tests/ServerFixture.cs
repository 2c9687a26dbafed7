namespace Abm.Server.Tests;

/// <summary>One server per test class; each test still builds its own workspaces and keys.</summary>
public sealed class ServerFixture : IAsyncLifetime
{
    public AbmServerFactory Factory { get; private set; } = null!;

    public async Task InitializeAsync() => Factory = await AbmServerFactory.StartAsync();

    public async Task DisposeAsync() => await Factory.DisposeAsync();
}
