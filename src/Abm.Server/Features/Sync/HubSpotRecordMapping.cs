using System.Globalization;
using System.Text.Json;
using Abm.Data.Entities;
using Abm.Engines.Accounts;
using Abm.HubSpot.Crm;

namespace Abm.Server.Features.Sync;

/// <summary>
/// Copies what HubSpot says of a record onto its local row. Every property read is also kept whole in
/// <c>Properties</c>; values longer than their column are cut rather than failing the page.
/// </summary>
internal static class HubSpotRecordMapping
{
    /// <summary>How a synced row is found again: its HubSpot id within the workspace (a unique index).</summary>
    public static readonly string[] ContactKey = [nameof(Contact.WorkspaceId), nameof(Contact.HubSpotId)];

    public static readonly string[] CompanyKey = [nameof(Company.WorkspaceId), nameof(Company.HubSpotId)];

    /// <summary>
    /// The columns a sync owns on an existing contact: what <see cref="ApplyTo(Contact, CrmRecord, Guid?, DateTime)"/>
    /// sets, plus segments. Scores, stage, persona and the rest belong to the engines and are never overwritten.
    /// </summary>
    public static readonly string[] ContactColumns =
    [
        nameof(Contact.Email), nameof(Contact.FirstName), nameof(Contact.LastName), nameof(Contact.JobTitle), nameof(Contact.OwnerHubSpotId),
        nameof(Contact.LifecycleStage), nameof(Contact.BuyingRole), nameof(Contact.CompanyId), nameof(Contact.Properties),
        nameof(Contact.HubSpotUpdatedAt), nameof(Contact.HubSpotCreatedAt), nameof(Contact.UpdatedAt), nameof(Contact.SyncedAt), nameof(Contact.ArchivedAt), nameof(Contact.Segments),
        nameof(Contact.OriginalSource),
    ];

    /// <summary>The columns a sync owns on an existing company: what <see cref="ApplyTo(Company, CrmRecord, DateTime)"/> sets.</summary>
    public static readonly string[] CompanyColumns =
    [
        nameof(Company.Name), nameof(Company.Domain), nameof(Company.Industry), nameof(Company.EmployeeCount), nameof(Company.AnnualRevenue),
        nameof(Company.AccountTier), nameof(Company.OwnerHubSpotId), nameof(Company.Properties), nameof(Company.HubSpotUpdatedAt), nameof(Company.HubSpotCreatedAt), nameof(Company.UpdatedAt),
        nameof(Company.SyncedAt), nameof(Company.ArchivedAt),
    ];

    public static void ApplyTo(Contact contact, CrmRecord record, Guid? companyId, DateTime now)
    {
        contact.Email = Clip(record.Get("email")?.ToLowerInvariant(), 255);
        contact.FirstName = Clip(record.Get("firstname"), 100);
        contact.LastName = Clip(record.Get("lastname"), 100);
        contact.JobTitle = Clip(record.Get("jobtitle"), 255);
        contact.OwnerHubSpotId = Clip(record.Get("hubspot_owner_id"), 50);
        contact.LifecycleStage = Clip(record.Get("lifecyclestage"), 50);
        contact.BuyingRole = Clip(record.Get("hs_buying_role"), 50);
        contact.CompanyId = companyId;
        contact.Properties = PropertiesJson(record);
        contact.HubSpotUpdatedAt = record.UpdatedAt?.UtcDateTime;
        contact.HubSpotCreatedAt = record.CreatedAt?.UtcDateTime;
        contact.OriginalSource = Clip(record.Get("hs_analytics_source"), 100);
        contact.UpdatedAt = now;
        contact.SyncedAt = now;
        contact.ArchivedAt = null;
    }

    public static void ApplyTo(Company company, CrmRecord record, DateTime now)
    {
        company.Name = Clip(record.Get("name"), 255);
        company.Domain = Clip(record.Get("domain"), 255);
        company.Industry = Clip(record.Get("abm_industry_vertical") ?? IndustryVerticals.FromHubSpotIndustry(record.Get("industry")), 100);
        company.EmployeeCount = int.TryParse(record.Get("numberofemployees"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var employees) ? employees : null;
        company.AnnualRevenue = decimal.TryParse(record.Get("annualrevenue"), NumberStyles.Number, CultureInfo.InvariantCulture, out var revenue) ? revenue : null;
        company.AccountTier = Clip(record.Get("abm_account_tier") ?? record.Get("hs_ideal_customer_profile"), 20);
        company.OwnerHubSpotId = Clip(record.Get("hubspot_owner_id"), 50);
        company.Properties = PropertiesJson(record);
        company.HubSpotUpdatedAt = record.UpdatedAt?.UtcDateTime;
        company.HubSpotCreatedAt = record.CreatedAt?.UtcDateTime;
        company.UpdatedAt = now;
        company.SyncedAt = now;
        company.ArchivedAt = null;
    }

    public static void ApplyTo(Deal deal, CrmRecord record, Guid? companyId, DateTime now)
    {
        deal.Name = Clip(record.Get("dealname"), 255);
        deal.Stage = Clip(record.Get("dealstage"), 100);
        deal.Pipeline = Clip(record.Get("pipeline"), 100);
        deal.Amount = decimal.TryParse(record.Get("amount"), NumberStyles.Number, CultureInfo.InvariantCulture, out var amount) ? amount : null;
        deal.CloseDate = DateTimeOffset.TryParse(record.Get("closedate"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var close) ? close.UtcDateTime : null;
        deal.OwnerHubSpotId = Clip(record.Get("hubspot_owner_id"), 50);
        deal.CompanyId = companyId;
        deal.Properties = PropertiesJson(record);
        deal.HubSpotUpdatedAt = record.UpdatedAt?.UtcDateTime;
        deal.HubSpotCreatedAt = record.CreatedAt?.UtcDateTime;
        deal.UpdatedAt = now;
        deal.SyncedAt = now;
        deal.ArchivedAt = null;
    }

    /// <summary>The HubSpot id of the record's company: the primary one a contact names, else the first associated.</summary>
    public static string? CompanyIdOf(CrmRecord record) =>
        record.Get("associatedcompanyid") ?? (record.Associations.TryGetValue(SyncedObjects.Companies, out var companies) && companies.Count > 0 ? companies[0].Id : null);

    public static IReadOnlyList<string> AssociatedIds(CrmRecord record, string toType) =>
        record.Associations.TryGetValue(toType, out var associated) ? [.. associated.Select(a => a.Id).Distinct(StringComparer.Ordinal)] : [];

    private static string PropertiesJson(CrmRecord record) => JsonSerializer.Serialize(record.Properties);

    private static string? Clip(string? value, int length) => value is { Length: > 0 } v && v.Length > length ? v[..length] : value;
}
