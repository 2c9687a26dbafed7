using System.Globalization;
using Abm.Data.Entities;

namespace Abm.Server.Features.Privacy;

/// <summary>
/// How a privacy request names its contact: the local id (a GUID), the HubSpot record id (digits) or the email
/// address. A request from the person usually comes with their email; one from HubSpot with the record id.
/// </summary>
internal sealed record ContactReference(Guid? LocalId, string? HubSpotId, string? Email)
{
    private const int MaxEmailLength = 320;
    private const int MaxHubSpotIdLength = 50;

    /// <summary>Reads the route's id; null when it is none of the three forms.</summary>
    public static ContactReference? Parse(string? text)
    {
        var value = text?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (Guid.TryParse(value, CultureInfo.InvariantCulture, out var id))
        {
            return new ContactReference(id, null, null);
        }

        if (value.Length <= MaxHubSpotIdLength && value.All(char.IsAsciiDigit))
        {
            return new ContactReference(null, value, null);
        }

        // Sync stores emails in lower case; a looser check than RFC 5322 is enough to tell an email from a typo.
        var at = value.IndexOf('@', StringComparison.Ordinal);
        return value.Length <= MaxEmailLength && at > 0 && at < value.Length - 1 && !value.Any(char.IsWhiteSpace)
            ? new ContactReference(null, null, value.ToLowerInvariant())
            : null;
    }

    public const string Help = "Give the contact's local id (a GUID), its HubSpot record id (digits) or its email address.";

    /// <summary>The contacts this reference names (the newest first when an email is shared), archived ones included: they are held too.</summary>
    public IQueryable<Contact> Find(IQueryable<Contact> contacts) => this switch
    {
        { LocalId: { } id } => contacts.Where(c => c.Id == id),
        { HubSpotId: { } hubSpotId } => contacts.Where(c => c.HubSpotId == hubSpotId),
        _ => contacts.Where(c => c.Email == Email).OrderByDescending(c => c.UpdatedAt),
    };

    public override string ToString() => LocalId?.ToString() ?? HubSpotId ?? Email ?? "";
}
