using Abm.Data;
using Abm.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Features.Nurture.Execution;

/// <summary>
/// Nurture emails sent or on their way, across every sequence: per contact in the last 7 days and per account in
/// the last 24 hours, read once per batch and counted on as the batch plans more, for the frequency cap.
/// </summary>
internal sealed class TouchCounts
{
    private readonly Dictionary<Guid, int> _contacts;
    private readonly Dictionary<Guid, int> _accounts;

    private TouchCounts(Dictionary<Guid, int> contacts, Dictionary<Guid, int> accounts) => (_contacts, _accounts) = (contacts, accounts);

    public static async Task<TouchCounts> LoadAsync(AbmDbContext database, IReadOnlyList<Contact> contacts, DateTime now, CancellationToken cancellationToken)
    {
        var contactIds = contacts.Select(c => c.Id).Distinct().ToList();
        var companyIds = contacts.Select(c => c.CompanyId).OfType<Guid>().Distinct().ToList();
        var (weekAgo, dayAgo) = (now.AddDays(-7), now.AddDays(-1));
        var byContact = await Touches(database).Where(a => contactIds.Contains(a.ContactId) && a.CreatedAt > weekAgo)
            .GroupBy(a => a.ContactId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var byAccount = await Touches(database).Where(a => a.CompanyId != null && companyIds.Contains(a.CompanyId.Value) && a.CreatedAt > dayAgo)
            .GroupBy(a => a.CompanyId!.Value).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return new TouchCounts(byContact, byAccount);
    }

    public int OfContact(Guid contactId) => _contacts.GetValueOrDefault(contactId);

    public int OfAccount(Guid? companyId) => companyId is { } id ? _accounts.GetValueOrDefault(id) : 0;

    public void Count(Contact contact)
    {
        _contacts[contact.Id] = OfContact(contact.Id) + 1;
        if (contact.CompanyId is { } company)
        {
            _accounts[company] = OfAccount(company) + 1;
        }
    }

    private static IQueryable<NurtureAction> Touches(AbmDbContext database) =>
        database.NurtureActions.Where(a => a.Kind == ActionKinds.SendContent
            && (a.Status == ActionStatus.Done || a.Status == ActionStatus.Pending || a.Status == ActionStatus.Failed));
}
