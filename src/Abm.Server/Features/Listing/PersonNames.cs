namespace Abm.Server.Features.Listing;

/// <summary>How a person (contact or owner) is named wherever the product shows one.</summary>
internal static class PersonNames
{
    /// <summary>First and last name as far as they are known, else the first fallback that is (an email, a HubSpot id), else null.</summary>
    public static string? Of(string? first, string? last, params string?[] fallbacks) =>
        string.Join(' ', new[] { first, last }.Where(p => !string.IsNullOrWhiteSpace(p))) is { Length: > 0 } name ? name : fallbacks.FirstOrDefault(f => !string.IsNullOrWhiteSpace(f));
}
