namespace Abm.HubSpot.Sandbox.Seeding;

/// <summary>A kind of buyer: job titles that fit it and the HubSpot buying roles it usually plays.</summary>
internal sealed record SeedPersona(string[] JobTitles, string[] BuyingRoles, int Weight)
{
    public static readonly SeedPersona[] Defaults =
    [
        new(["Chief Executive Officer", "Chief Operating Officer", "President", "Chief Marketing Officer", "Chief Revenue Officer"],
            ["DECISION_MAKER", "EXECUTIVE_SPONSOR"], 2),
        new(["Chief Technology Officer", "VP of Engineering", "Director of IT", "Head of Data", "Engineering Manager", "Solutions Architect"],
            ["INFLUENCER", "DECISION_MAKER", "BLOCKER"], 3),
        new(["VP of Operations", "Operations Manager", "Director of Sales Operations", "Marketing Operations Manager", "Procurement Manager"],
            ["CHAMPION", "END_USER", "INFLUENCER"], 4),
        new(["Chief Financial Officer", "VP of Finance", "Finance Director", "Controller"],
            ["BUDGET_HOLDER", "DECISION_MAKER"], 2),
        new(["Marketing Specialist", "Sales Representative", "Analyst", "Customer Success Manager", "Legal Counsel"],
            ["END_USER", "OTHER", "LEGAL_AND_COMPLIANCE"], 3),
    ];
}
