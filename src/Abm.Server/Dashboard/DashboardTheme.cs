using MudBlazor;

namespace Abm.Server.Dashboard;

/// <summary>Colours chosen for contrast (WCAG AA on white) rather than MudBlazor's defaults.</summary>
internal static class DashboardTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1d4ed8",
            Secondary = "#6d28d9",
            AppbarBackground = "#1e3a8a",
            TextSecondary = "#4b5563",
            ActionDisabled = "#6b7280",
        },
    };
}
