using System.Text.Json;
using Abm.Data;
using Abm.Data.Entities;
using Abm.Engines.Leads;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Features.Leads;

/// <summary>A contact to score with what is known of it.</summary>
internal sealed record LeadSubject(Contact Contact, LeadFacts Facts);

/// <summary>
/// Builds each lead's facts from the local copy: the contact (title, persona, engagement), its company (industry,
/// size, revenue, country, technology stack) and its deals, with a fixed number of queries per chunk of contacts.
/// </summary>
internal sealed class LeadFactsLoader(AbmDbContext database)
{
    public async Task<List<LeadSubject>> LoadAsync(IReadOnlyCollection<Guid> contactIds, CancellationToken cancellationToken)
    {
        var contacts = await database.Contacts.Where(c => contactIds.Contains(c.Id) && c.ArchivedAt == null).ToListAsync(cancellationToken);
        var companyIds = contacts.Select(c => c.CompanyId).OfType<Guid>().Distinct().ToList();
        var companies = await database.Companies.AsNoTracking().Where(c => companyIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        var ids = contacts.Select(c => c.Id).ToList();
        var dealLinks = await database.DealContacts.AsNoTracking().Where(l => ids.Contains(l.ContactId))
            .Join(database.Deals.Where(d => d.ArchivedAt == null), l => l.DealId, d => d.Id, (l, d) => new { l.ContactId, d.Stage, d.Amount })
            .ToListAsync(cancellationToken);
        var deals = dealLinks.ToLookup(d => d.ContactId);
        return contacts.Select(contact =>
        {
            var company = contact.CompanyId is { } id ? companies.GetValueOrDefault(id) : null;
            var firm = company is null ? LeadFacts.Empty : CompanyFacts(company);
            var own = deals[contact.Id].ToList();
            var facts = firm with
            {
                JobTitle = contact.JobTitle,
                Persona = contact.PersonaType == "unknown" ? null : contact.PersonaType,
                Country = firm.Country ?? Country(contact.Properties),
                LargestDealAmount = own.Max(d => d.Amount),
                EngagementScore = contact.EngagementScore,
                OpenDeals = own.Count(d => d.Stage is not ("closedwon" or "closedlost")),
                WonDeals = own.Count(d => d.Stage == "closedwon"),
            };
            return new LeadSubject(contact, facts);
        }).ToList();
    }

    /// <summary>A company's firmographics as lead facts (industry vertical, employees, revenue, country, technologies).</summary>
    public static LeadFacts CompanyFacts(Company company)
    {
        var properties = Properties(company.Properties);
        var technologies = properties.GetValueOrDefault("web_technologies")?
            .Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(t => t.ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToList() ?? [];
        return LeadFacts.Empty with
        {
            Industry = string.IsNullOrWhiteSpace(company.Industry) ? null : company.Industry.ToLowerInvariant(),
            Employees = company.EmployeeCount,
            AnnualRevenue = company.AnnualRevenue,
            Country = Lower(properties.GetValueOrDefault("country")),
            Technologies = technologies,
        };
    }

    private static string? Country(string propertiesJson) => Lower(Properties(propertiesJson).GetValueOrDefault("country"));

    private static string? Lower(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim().ToLowerInvariant();

    private static Dictionary<string, string?> Properties(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, string?>>(json) ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }
}
