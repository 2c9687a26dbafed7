using System.Text.Json;
using Abm.Engines.Leads;

namespace Abm.Engines.Tests.Leads;

public class LeadPromptTests
{
    private static readonly LeadFacts Lead = new("VP Engineering", "technical_director", "technology", 900, 150_000_000m, "united states", ["hubspot", "aws"], 40_000m, 72.46, 1, 0);

    private static readonly PromptCriteriaSet Core = new("Core", new IdealClientCriteria(
        ["technology"], new ValueRange(200, 5000), ValueRange.Any, ["united states"], ["hubspot", "salesforce"], new ValueRange(null, 100_000)));

    [Fact]
    public void User_FittingLead_CarriesTheFactsTheSimilarClientsAndTheProfileAsJson()
    {
        var text = LeadPrompt.User(Lead, "industry:technology title: VP Engineering", [new PromptExample("Acme", "closed_won", 0.81234)], [Core]);

        var json = JsonDocument.Parse(text[text.IndexOf('{', StringComparison.Ordinal)..]).RootElement;
        var lead = json.GetProperty("lead");
        lead.GetProperty("job_title").GetString().ShouldBe("VP Engineering");
        lead.GetProperty("seniority").GetString().ShouldBe("executive");
        lead.GetProperty("employees").GetInt32().ShouldBe(900);
        lead.GetProperty("annual_revenue").GetDecimal().ShouldBe(150_000_000m);
        lead.GetProperty("technologies").EnumerateArray().Select(t => t.GetString()).ShouldBe(["hubspot", "aws"]);
        lead.GetProperty("engagement_score").GetDouble().ShouldBe(72.5);
        lead.GetProperty("open_deals").GetInt32().ShouldBe(1);
        json.GetProperty("lead_document").GetString().ShouldBe("industry:technology title: VP Engineering");
        var similar = json.GetProperty("similar_ideal_clients").EnumerateArray().Single();
        similar.GetProperty("name").GetString().ShouldBe("Acme");
        similar.GetProperty("source").GetString().ShouldBe("closed_won");
        similar.GetProperty("similarity").GetDouble().ShouldBe(0.8123);
        var set = json.GetProperty("ideal_client_profile").EnumerateArray().Single();
        set.GetProperty("name").GetString().ShouldBe("Core");
        set.GetProperty("employees").GetProperty("min").GetDecimal().ShouldBe(200);
        set.GetProperty("annual_revenue").ValueKind.ShouldBe(JsonValueKind.Null);
        set.GetProperty("budget").GetProperty("max").GetDecimal().ShouldBe(100_000);
    }

    [Fact]
    public void User_NothingKnown_UnknownsAreNull()
    {
        var text = LeadPrompt.User(LeadFacts.Empty, "seniority:unknown", [], []);

        var lead = JsonDocument.Parse(text[text.IndexOf('{', StringComparison.Ordinal)..]).RootElement.GetProperty("lead");
        lead.GetProperty("industry").ValueKind.ShouldBe(JsonValueKind.Null);
        lead.GetProperty("employees").ValueKind.ShouldBe(JsonValueKind.Null);
        lead.GetProperty("seniority").GetString().ShouldBe("unknown");
    }

    [Fact]
    public void System_States_TheFourFieldsAndTheScoreBands()
    {
        LeadPrompt.System.ShouldContain("\"score\"");
        LeadPrompt.System.ShouldContain("\"reasoning\"");
        LeadPrompt.System.ShouldContain("High for 80-100, Medium for 50-79, Low below 50");
        LeadPrompt.Correction("score 140 is outside 0-100.").ShouldStartWith("Your answer was refused: score 140 is outside 0-100.");
    }
}
