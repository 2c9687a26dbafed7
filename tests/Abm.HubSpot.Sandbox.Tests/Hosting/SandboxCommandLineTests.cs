using Abm.HubSpot.Sandbox.Hosting;

namespace Abm.HubSpot.Sandbox.Tests.Hosting;

public sealed class SandboxCommandLineTests
{
    [Fact]
    public void Parse_AllOptions_FillsSandboxOptions()
    {
        var options = SandboxCommandLine.Parse(["--urls", "http://127.0.0.1:6000;http://127.0.0.1:6001", "--seed", "9", "--accounts", "12", "--tier", "Enterprise", "--portals", "3", "--clock-speed", "60", "--search-delay-ms=1500", "--behaviour", "off", "--data-file", "demo.db", "--log"]);

        options.Url.ShouldBe("http://127.0.0.1:6000");
        options.Seed.ShouldBe(9);
        options.Portals.Count.ShouldBe(3);
        options.Portals.ShouldAllBe(p => p.Accounts == 12 && p.Tier == SandboxTier.Enterprise);
        options.ClockSpeed.ShouldBe(60);
        options.SearchVisibilityDelay.ShouldBe(TimeSpan.FromMilliseconds(1500));
        options.SimulateBehaviour.ShouldBeFalse();
        options.DataFile.ShouldBe("demo.db");
        options.EnableLogging.ShouldBeTrue();
    }

    [Fact]
    public void Parse_NoArguments_UsesDocumentedDefaults()
    {
        var options = SandboxCommandLine.Parse([]);

        options.Url.ShouldBe("http://127.0.0.1:5099");
        options.Seed.ShouldBe(42);
        options.Portals.Single().Accounts.ShouldBe(100);
        options.Portals.Single().Tier.ShouldBe(SandboxTier.Professional);
        options.SimulateBehaviour.ShouldBeTrue();
        options.DataFile.ShouldBeNull();
    }

    [Fact]
    public void Parse_StartInThePast_SetsHistoryCatchUpAndTheClockRule()
    {
        var options = SandboxCommandLine.Parse(["--start-days-ago", "30", "--catch-up-hours=2.5"]);

        options.History.ShouldBe(TimeSpan.FromDays(30));
        options.CatchUp.ShouldBe(TimeSpan.FromHours(2.5));
        options.NeverAheadOfRealTime.ShouldBeFalse();
        SandboxCommandLine.Parse(["--never-ahead"]).NeverAheadOfRealTime.ShouldBeTrue();
        SandboxCommandLine.Parse([]).History.ShouldBe(TimeSpan.Zero);
    }

    [Theory]
    [InlineData("--start-days-ago", "-1")]
    [InlineData("--catch-up-hours", "NaN")]
    public void Parse_NegativeOrNonNumericHistory_Throws(string option, string value)
    {
        Should.Throw<ArgumentException>(() => SandboxCommandLine.Parse([option, value]));
    }

    [Theory]
    [InlineData("--seed")]
    [InlineData("stray")]
    public void Parse_MissingValueOrStrayArgument_Throws(string argument)
    {
        Should.Throw<ArgumentException>(() => SandboxCommandLine.Parse([argument]));
    }
}
