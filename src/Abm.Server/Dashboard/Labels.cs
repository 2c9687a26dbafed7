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

    public static string ContactName(ContactRow contact) =>
        string.Join(' ', new[] { contact.FirstName, contact.LastName }.Where(p => !string.IsNullOrWhiteSpace(p))) is { Length: > 0 } name ? name : contact.Email ?? contact.HubSpotId;
}
