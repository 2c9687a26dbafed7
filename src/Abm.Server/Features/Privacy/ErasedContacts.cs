using System.Security.Cryptography;
using System.Text;
using Abm.Data;
using Abm.Data.Entities;
using Abm.Server.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Features.Privacy;

/// <summary>
/// The tombstones of erased contacts: salted SHA-256 hashes of their HubSpot id and (lower-cased) email, with the
/// workspace's own random salt, so the values cannot be read back or looked up in another workspace's list. Whatever
/// would write a contact asks <see cref="FilterAsync"/> first, so an erased person is not brought back by a sync, a
/// webhook or a form.
/// </summary>
internal sealed class ErasedContacts(AbmDbContext database, CurrentWorkspace workspace)
{
    private byte[]? _salt;

    /// <summary>Adds the tombstone of a contact to the unit of work (saved with the erasure).</summary>
    public async Task BuryAsync(Contact contact, string requestedBy, DateTime now, CancellationToken cancellationToken)
    {
        var salt = await SaltAsync(create: true, cancellationToken);
        database.PrivacyTombstones.Add(new PrivacyTombstone
        {
            Id = Guid.CreateVersion7(), WorkspaceId = contact.WorkspaceId, ContactId = contact.Id, HubSpotIdHash = Hash(salt!, contact.HubSpotId),
            EmailHash = contact.Email is { Length: > 0 } email ? Hash(salt!, email) : null, ErasedAt = now, RequestedBy = requestedBy,
        });
    }

    /// <summary>The tombstone of the contact the reference names (by local id, or by the hash of its HubSpot id or email); null when none was erased.</summary>
    public async Task<PrivacyTombstone?> FindAsync(ContactReference reference, CancellationToken cancellationToken)
    {
        var tombstones = database.PrivacyTombstones.AsNoTracking();
        if (reference.LocalId is { } contactId)
        {
            return await tombstones.FirstOrDefaultAsync(t => t.ContactId == contactId, cancellationToken);
        }

        if (await SaltAsync(create: false, cancellationToken) is not { } salt)
        {
            return null;
        }

        var hash = Hash(salt, reference.HubSpotId ?? reference.Email!);
        return reference.HubSpotId is not null
            ? await tombstones.FirstOrDefaultAsync(t => t.HubSpotIdHash == hash, cancellationToken)
            : await tombstones.FirstOrDefaultAsync(t => t.EmailHash == hash, cancellationToken);
    }

    /// <summary>The records whose HubSpot id or email belongs to an erased contact are left out; the rest come back in order.</summary>
    public async Task<IReadOnlyList<T>> FilterAsync<T>(IReadOnlyList<T> records, Func<T, string> hubSpotId, Func<T, string?> email, CancellationToken cancellationToken)
    {
        if (records.Count == 0 || await SaltAsync(create: false, cancellationToken) is not { } salt)
        {
            return records;
        }

        var hashes = records.Select(r => (Id: Hash(salt, hubSpotId(r)), Email: email(r) is { Length: > 0 } e ? Hash(salt, e) : null)).ToList();
        var ids = hashes.Select(h => h.Id).ToList();
        var emails = hashes.Select(h => h.Email).OfType<string>().ToList();
        var erased = await database.PrivacyTombstones
            .Where(t => (t.HubSpotIdHash != null && ids.Contains(t.HubSpotIdHash)) || (t.EmailHash != null && emails.Contains(t.EmailHash)))
            .Select(t => new { t.HubSpotIdHash, t.EmailHash }).ToListAsync(cancellationToken);
        if (erased.Count == 0)
        {
            return records;
        }

        var gone = erased.SelectMany(t => new[] { t.HubSpotIdHash, t.EmailHash }).OfType<string>().ToHashSet(StringComparer.Ordinal);
        return [.. records.Where((_, i) => !gone.Contains(hashes[i].Id) && (hashes[i].Email is not { } e || !gone.Contains(e)))];
    }

    internal static string Hash(byte[] salt, string value)
    {
        var text = Encoding.UTF8.GetBytes(value.Trim().ToLowerInvariant());
        return Convert.ToHexStringLower(SHA256.HashData([.. salt, .. text]));
    }

    /// <summary>The workspace's salt; made (once, whoever gets there first) when <paramref name="create"/> and there is none.</summary>
    private async Task<byte[]?> SaltAsync(bool create, CancellationToken cancellationToken)
    {
        if (_salt is not null)
        {
            return _salt;
        }

        var workspaceId = workspace.WorkspaceId ?? throw new InvalidOperationException("Erasure needs a workspace.");
        var salt = await database.Workspaces.Where(w => w.Id == workspaceId).Select(w => w.PrivacySalt).SingleAsync(cancellationToken);
        if (salt is null && create)
        {
            var fresh = RandomNumberGenerator.GetBytes(32);
            await database.Workspaces.Where(w => w.Id == workspaceId && w.PrivacySalt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(w => w.PrivacySalt, fresh), cancellationToken);
            salt = await database.Workspaces.Where(w => w.Id == workspaceId).Select(w => w.PrivacySalt).SingleAsync(cancellationToken);
        }

        return _salt = salt;
    }
}
