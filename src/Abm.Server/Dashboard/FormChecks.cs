using System.ComponentModel.DataAnnotations;

namespace Abm.Server.Dashboard;

/// <summary>
/// A form's request checked with the API's own rules (the request record's data annotations), so a page refuses
/// exactly what the route would refuse, with the same words.
/// </summary>
internal static class FormChecks
{
    /// <summary>The messages of every rule the request breaks; empty when it may be sent.</summary>
    public static IReadOnlyList<string> Problems(object request)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(request, new ValidationContext(request), results, validateAllProperties: true);
        return [.. results.Select(r => r.ErrorMessage ?? "This value is not accepted.")];
    }
}
