namespace Abm.Server.Features.Access;

/// <summary>What an API key may do inside its workspace.</summary>
internal static class Roles
{
    public const string Admin = "admin";
    public const string Marketer = "marketer";
    public const string Sales = "sales";
    public const string Viewer = "viewer";

    public static readonly IReadOnlyList<string> All = [Admin, Marketer, Sales, Viewer];

    public static bool IsKnown(string role) => All.Contains(role, StringComparer.Ordinal);
}
