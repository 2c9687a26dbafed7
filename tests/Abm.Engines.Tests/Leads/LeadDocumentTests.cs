using Abm.Engines.Leads;

namespace Abm.Engines.Tests.Leads;

public sealed class LeadDocumentTests
{
    [Fact]
    public void PlainWords_LeadDocument_DropsTheKeysAndUnderscoresAndKeepsTheTitle()
    {
        var lead = new LeadFacts("VP: Sales Ops", "sales", "financial_services", 900, 150_000_000m, "united states", ["hubspot", "aws"], null, 0, 0, 1);
        var document = LeadDocument.Of(lead);
        document.ShouldBe("industry:financial_services size:201-1000 revenue:100m-1b country:united_states tech:hubspot tech:aws persona:sales seniority:staff deals:won title: VP: Sales Ops");

        LeadDocument.PlainWords(document).ShouldBe("financial services 201-1000 100m-1b united states hubspot aws sales staff won VP: Sales Ops");
    }

    [Fact]
    public void PlainWords_NoTitleOrOnlyATitle_StillPlain()
    {
        LeadDocument.PlainWords("industry:technology seniority:staff").ShouldBe("technology staff");
        LeadDocument.PlainWords(LeadDocument.Of(new LeadFacts("Analyst", null, null, null, null, null, [], null, 0, 0, 0))).ShouldBe("staff Analyst");
        LeadDocument.PlainWords("").ShouldBe("");
    }

    [Fact]
    public void PlainWords_RandomLeads_EveryValueKeptInOrderAndNoKeyLeft()
    {
        var random = new Random(7);
        string[] industries = ["technology", "financial_services", "health_care"];
        string[] tools = ["hubspot", "google_analytics", "aws", "slack"];
        for (var i = 0; i < 500; i++)
        {
            var lead = new LeadFacts(random.Next(3) == 0 ? null : $"Head of {random.Next(100)}", null, industries[random.Next(3)], random.Next(1, 9_000),
                random.Next(1, 3_000) * 1_000_000m, random.Next(2) == 0 ? "united_kingdom" : null, tools.Where(_ => random.Next(2) == 0).ToList(), null, 0, 0, random.Next(2));
            var document = LeadDocument.Of(lead);

            var plain = LeadDocument.PlainWords(document);

            plain.ShouldNotContain(":");
            plain.ShouldNotContain("_");
            var values = document.Split(" title: ")[0].Split(' ').Select(w => w[(w.IndexOf(':') + 1)..].Replace('_', ' '));
            plain.ShouldStartWith(string.Join(' ', values));
            if (lead.JobTitle is not null)
            {
                plain.ShouldEndWith(" " + lead.JobTitle);
            }
        }
    }
}
