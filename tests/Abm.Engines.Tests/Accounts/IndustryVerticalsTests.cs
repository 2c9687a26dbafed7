using Abm.Engines.Accounts;

namespace Abm.Engines.Tests.Accounts;

public class IndustryVerticalsTests
{
    [Theory]
    [InlineData("COMPUTER_SOFTWARE", "technology")]
    [InlineData("information_technology_and_services", "technology")]
    [InlineData("BANKING", "financial_services")]
    [InlineData("INSURANCE", "financial_services")]
    [InlineData("HOSPITAL_HEALTH_CARE", "healthcare")]
    [InlineData("PHARMACEUTICALS", "healthcare")]
    [InlineData("INDUSTRIAL_AUTOMATION", "manufacturing")]
    [InlineData("AUTOMOTIVE", "manufacturing")]
    [InlineData("RETAIL", "retail")]
    [InlineData(" CONSUMER_GOODS ", "retail")]
    [InlineData("HIGHER_EDUCATION", "higher_education")]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void FromHubSpotIndustry_MapsSectorsToVerticals(string? industry, string? vertical) =>
        Assert.Equal(vertical, IndustryVerticals.FromHubSpotIndustry(industry));
}
