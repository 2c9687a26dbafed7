using Abm.Server.Features.Contacts;

namespace Abm.Server.Dashboard;

/// <summary>The words people read for the engine's wire names.</summary>
internal static class Labels
{
    public static string Stage(string? stage) => stage switch
    {
        "problem_awareness" => "Problem awareness",
        "solution_exploration" => "Solution exploration",
        "vendor_evaluation" => "Vendor evaluation",
        "decision_finalization" => "Decision",
        "post_purchase_expansion" => "Customer expansion",
        null => "not scored yet",
        _ => stage,
    };

    public static string Persona(string persona) => persona switch
    {
        "c_suite_executive" => "C-suite executive",
        "technical_director" => "Technical director",
        "operations_manager" => "Operations manager",
        "financial_decision_maker" => "Financial decision maker",
        _ => "Unknown",
    };

    /// <summary>A buying role's HubSpot wire name (<c>DECISION_MAKER</c>) as people say it; <c>NONE</c> for contacts without one.</summary>
    public static string Role(string role) => role == "NONE" ? "No buying role" : Words(role);

    /// <summary>A wire name in words, sentence case: <c>content_download</c> reads "Content download".</summary>
    public static string Words(string wireName) =>
        wireName.Replace('_', ' ').ToLowerInvariant() is { Length: > 0 } words ? char.ToUpperInvariant(words[0]) + words[1..] : wireName;

    public static string ContactName(ContactRow contact) =>
        Features.Listing.PersonNames.Of(contact.FirstName, contact.LastName, contact.Email, contact.HubSpotId)!;
}
