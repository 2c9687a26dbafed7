using Microsoft.AspNetCore.Components;
using MudBlazor.Services;

namespace Abm.Dashboard.Tests;

/// <summary>
/// A bUnit context with MudBlazor's services, as the dashboard registers them; JavaScript calls are accepted and
/// ignored. Disposed asynchronously, since some of MudBlazor's services only dispose that way.
/// </summary>
public abstract class DashboardComponentContext : IAsyncLifetime, IAsyncDisposable
{
    private readonly BunitContext _context = new();

    protected DashboardComponentContext()
    {
        _context.Services.AddMudServices();
        _context.JSInterop.Mode = JSRuntimeMode.Loose;
    }

    protected BunitContext Context => _context;

    protected IRenderedComponent<T> Render<T>(Action<ComponentParameterCollectionBuilder<T>> parameters)
        where T : IComponent => _context.Render(parameters);

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();

    public async ValueTask DisposeAsync()
    {
        await _context.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
