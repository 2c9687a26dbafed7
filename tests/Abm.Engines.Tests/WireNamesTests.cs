using Abm.Engines.Content;
using Abm.Engines.Engagement;
using Abm.Engines.Journey;
using Abm.Engines.Personas;

namespace Abm.Engines.Tests;

public class WireNamesTests
{
    [Fact]
    public void ToWireName_EachVocabulary_UsesItsConvention()
    {
        EngagementEventType.WebinarAttendance.ToWireName().ShouldBe("webinar_attendance");
        JourneyStage.PostPurchaseExpansion.ToWireName().ShouldBe("post_purchase_expansion");
        DealStage.DecisionMakerBoughtIn.ToWireName().ShouldBe("decisionmakerboughtin");
        Persona.CSuiteExecutive.ToWireName().ShouldBe("c_suite_executive");
        ContentType.RoiCalculator.ToWireName().ShouldBe("roi_calculator");
        (BuyingRoles.Champion | BuyingRoles.LegalAndCompliance).ToWireName().ShouldBe("CHAMPION;LEGAL_AND_COMPLIANCE");
    }

    [Fact]
    public void TryParse_EveryValue_RoundTrips()
    {
        foreach (var value in Enum.GetValues<EngagementEventType>())
        {
            WireNames.TryParseEventType(value.ToWireName(), out var parsed).ShouldBeTrue();
            parsed.ShouldBe(value);
        }

        foreach (var value in Enum.GetValues<JourneyStage>())
        {
            WireNames.TryParseJourneyStage(value.ToWireName().ToUpperInvariant(), out var parsed).ShouldBeTrue();
            parsed.ShouldBe(value);
        }

        foreach (var value in Enum.GetValues<DealStage>())
        {
            WireNames.TryParseDealStage($" {value.ToWireName()} ", out var parsed).ShouldBeTrue();
            parsed.ShouldBe(value);
        }

        foreach (var value in Enum.GetValues<ContentType>())
        {
            WireNames.TryParseContentType(value.ToWireName(), out var parsed).ShouldBeTrue();
            parsed.ShouldBe(value);
        }

        foreach (var value in Enum.GetValues<Persona>())
        {
            WireNames.TryParsePersona(value.ToWireName(), out var parsed).ShouldBeTrue();
            parsed.ShouldBe(value);
        }
    }

    [Theory]
    [InlineData("CHAMPION;INFLUENCER", BuyingRoles.Champion | BuyingRoles.Influencer)]
    [InlineData("budget_holder", BuyingRoles.BudgetHolder)]
    [InlineData("", BuyingRoles.None)]
    [InlineData(" OTHER ; BLOCKER ", BuyingRoles.Other | BuyingRoles.Blocker)]
    public void TryParseBuyingRoles_HubSpotValue_Parses(string text, BuyingRoles expected)
    {
        WireNames.TryParseBuyingRoles(text, out var roles).ShouldBeTrue();
        roles.ShouldBe(expected);
    }

    [Theory]
    [InlineData("CHAMPION;SPONSOR")]
    [InlineData("BUYING_COMMITTEE")]
    [InlineData("NONE")]
    public void TryParseBuyingRoles_UnknownPart_Fails(string text)
    {
        WireNames.TryParseBuyingRoles(text, out var roles).ShouldBeFalse();
        roles.ShouldBe(BuyingRoles.None);
    }

    [Theory]
    [InlineData("email-open")]
    [InlineData("EmailOpen")]
    [InlineData(null)]
    public void TryParseEventType_UnknownSpelling_Fails(string? text)
    {
        WireNames.TryParseEventType(text, out _).ShouldBeFalse();
    }
}
