using Microsoft.AspNetCore.Components;

namespace Abm.Server.Dashboard.Panels;

/// <summary>
/// A part of a page that reads its own data, and reads it again whenever the page raises <see cref="Refresh"/>
/// (after a change another part made). Components are public, so parts pass no internal types between them.
/// </summary>
public abstract class RefreshingPanel : ComponentBase
{
    private int? _loaded;

    /// <summary>Raised by the page to have the part read its data again.</summary>
    [Parameter]
    public int Refresh { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        if (_loaded != Refresh)
        {
            _loaded = Refresh;
            await LoadAsync();
        }
    }

    protected abstract Task LoadAsync();
}
