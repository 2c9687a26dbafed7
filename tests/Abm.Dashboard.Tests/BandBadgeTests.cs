using Abm.Server.Dashboard.Shared;

namespace Abm.Dashboard.Tests;

/// <summary>A band is coloured, and also named in words with its own icon: colour is never the only signal.</summary>
public sealed class BandBadgeTests : DashboardComponentContext
{
    [Theory]
    [InlineData("hot")]
    [InlineData("engaged")]
    [InlineData("warming")]
    [InlineData("cold")]
    public void Render_EachBand_ColourClassTextAndIconAgree(string band)
    {
        var cut = Render<BandBadge>(p => p.Add(b => b.Band, band));

        var badge = cut.Find("[data-band-badge]");
        badge.ClassList.ShouldContain($"band-{band}");
        badge.TextContent.Trim().ShouldBe(band);
        badge.QuerySelector("svg").ShouldNotBeNull();
        badge.QuerySelector("svg")!.GetAttribute("aria-hidden").ShouldBe("true");
    }

    [Fact]
    public void Render_FourBands_FourDifferentIcons()
    {
        var icons = new[] { "hot", "engaged", "warming", "cold" }
            .Select(band => Render<BandBadge>(p => p.Add(b => b.Band, band)).Find("svg").InnerHtml)
            .ToList();

        icons.Distinct().Count().ShouldBe(4, "a reader who cannot tell the colours apart tells the icons apart");
    }
}
