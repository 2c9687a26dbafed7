using System.ComponentModel.DataAnnotations;

namespace Abm.Server.Features.Webhooks;

internal sealed class WebhookOptions : IValidatableObject
{
    public const string Section = "HubSpot:Webhooks";

    private static readonly string[] KnownVersions = ["v1", "v2", "v3"];

    /// <summary>
    /// Comma-separated signature versions accepted. Only v3 by default: v1 and v2 carry no timestamp, so a
    /// captured request could be replayed forever; enable them only for apps that cannot send v3.
    /// </summary>
    public string AcceptedSignatureVersions { get; set; } = "v3";

    /// <summary>How often the worker looks for batches received by other instances or due for a retry.</summary>
    [Range(1, 3600, ErrorMessage = "HubSpot:Webhooks:IntervalSeconds must be between 1 and 3600.")]
    public int IntervalSeconds { get; set; } = 5;

    /// <summary>Attempts before a batch that keeps failing is set aside as failed (it stays in the inbox).</summary>
    [Range(1, 100, ErrorMessage = "HubSpot:Webhooks:MaxAttempts must be between 1 and 100.")]
    public int MaxAttempts { get; set; } = 10;

    /// <summary>Largest body accepted; HubSpot sends at most 100 events per request, far below this.</summary>
    [Range(1, 16_384, ErrorMessage = "HubSpot:Webhooks:MaxBodyKilobytes must be between 1 and 16384.")]
    public int MaxBodyKilobytes { get; set; } = 1024;

    public IReadOnlySet<string> AcceptedVersions() =>
        AcceptedSignatureVersions.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(v => v.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var versions = AcceptedVersions();
        if (versions.Count == 0 || versions.Any(v => !KnownVersions.Contains(v)))
        {
            yield return new ValidationResult(
                $"HubSpot:Webhooks:AcceptedSignatureVersions '{AcceptedSignatureVersions}' must list some of v1, v2, v3.", [nameof(AcceptedSignatureVersions)]);
        }
    }
}
