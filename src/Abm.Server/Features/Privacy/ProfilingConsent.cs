using System.Collections.Frozen;
using Abm.Data;
using Abm.Server.Features.Provisioning;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Features.Privacy;

/// <summary>
/// What a withdrawal of profiling stops. ABM's profile of a person is what it infers about them and provisions on the
/// contact in HubSpot: engagement score, journey stage, persona, preferred content format, last content interaction,
/// lead score, fit, next best action and when it was scored (the contact properties of <see cref="AbmPropertyCatalog"/>).
/// For a contact who withdrew profiling: the engagement recompute leaves the contact out, recommendations use no
/// profile of the person, and the write-back sends HubSpot none of those values (blanks, which clear them, still go).
/// Account-level values are about the company and still count the contact's events.
/// </summary>
internal sealed class ProfilingConsent(AbmDbContext database)
{
    /// <summary>The contact properties that make up ABM's profile of a person.</summary>
    public static readonly FrozenSet<string> ProfileProperties = AbmPropertyCatalog.Contacts.Select(p => p.Name).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Which of these contacts (local ids) withdrew profiling.</summary>
    public async Task<HashSet<Guid>> WithdrawnAsync(IReadOnlyCollection<Guid> contactIds, CancellationToken cancellationToken) =>
        [.. await database.ContactSuppressions.Where(s => s.Purpose == ConsentPurposes.Profiling && contactIds.Contains(s.ContactId))
            .Select(s => s.ContactId).ToListAsync(cancellationToken)];

    /// <summary>Which of these contacts (HubSpot ids) withdrew profiling.</summary>
    public async Task<HashSet<string>> WithdrawnByHubSpotIdAsync(IReadOnlyCollection<string> hubSpotIds, CancellationToken cancellationToken) =>
        new(await database.Contacts.Where(c => hubSpotIds.Contains(c.HubSpotId)
                && database.ContactSuppressions.Any(s => s.ContactId == c.Id && s.Purpose == ConsentPurposes.Profiling))
            .Select(c => c.HubSpotId).ToListAsync(cancellationToken), StringComparer.Ordinal);

    /// <summary>The values that may still go to HubSpot for a contact who withdrew profiling: everything but a profile value (a blank clears one, so it goes).</summary>
    public static Dictionary<string, string?> Withhold(Dictionary<string, string?> properties) =>
        properties.Where(p => !ProfileProperties.Contains(p.Key) || string.IsNullOrEmpty(p.Value)).ToDictionary(StringComparer.Ordinal);

    /// <summary>Blank values for every profile property: queued at a withdrawal, they clear what HubSpot already holds.</summary>
    public static Dictionary<string, string> Blanks() => ProfileProperties.ToDictionary(p => p, _ => "", StringComparer.Ordinal);
}
