using System.Text.Json;
using Abm.HubSpot.Sandbox.Http;

namespace Abm.HubSpot.Sandbox.Properties;

/// <summary>One invalid property value, reported the way HubSpot reports it.</summary>
internal sealed record PropertyProblem(string Name, string Error, string Message)
{
    /// <summary>
    /// HubSpot's 400 for invalid values: the message embeds a JSON array of per-property results and the
    /// <c>errors</c> array carries one entry per property.
    /// </summary>
    public static HubSpotError ToError(IReadOnlyList<PropertyProblem> problems)
    {
        var embedded = problems.Select(p => new Dictionary<string, object>
        {
            ["isValid"] = false,
            ["message"] = p.Message,
            ["error"] = p.Error,
            ["name"] = p.Name,
            ["localizedErrorMessage"] = p.Message,
        });
        var details = problems
            .Select(p => new HubSpotErrorDetail(p.Message, p.Error, new Dictionary<string, IReadOnlyList<string>> { ["propertyName"] = [p.Name] }))
            .ToList();
        return HubSpotErrors.Validation($"Property values were not valid: {JsonSerializer.Serialize(embedded, SandboxJson.Options)}", details);
    }
}
