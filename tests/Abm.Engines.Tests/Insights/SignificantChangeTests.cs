using Abm.Engines.Content;
using Abm.Engines.Insights;
using Abm.Engines.Journey;
using Abm.Engines.Personas;

namespace Abm.Engines.Tests.Insights;

public class SignificantChangeTests
{
    private static readonly ContactInsight Written =
        new(50, JourneyStage.SolutionExploration, Persona.TechnicalDirector, ContentType.Whitepaper);

    [Fact]
    public void Detect_NeverWritten_ReportsNeverWritten()
    {
        SignificantChange.Detect(null, Written, 5).ShouldBe(InsightChanges.NeverWritten);
    }

    [Fact]
    public void Detect_IdenticalInsight_None()
    {
        SignificantChange.IsSignificant(Written, Written with { }, 5).ShouldBeFalse();
    }

    [Theory]
    [InlineData(54.99, false)]
    [InlineData(55, true)]
    [InlineData(45, true)]
    [InlineData(45.01, false)]
    public void Detect_ScoreMove_SignificantFromDelta(double newScore, bool expected)
    {
        SignificantChange.Detect(Written, Written with { Score = newScore }, 5).HasFlag(InsightChanges.Score).ShouldBe(expected);
    }

    [Fact]
    public void Detect_ZeroDeltaAndUnchangedScore_NotSignificant()
    {
        SignificantChange.IsSignificant(Written, Written, 0).ShouldBeFalse();
    }

    [Fact]
    public void Detect_StagePersonaAndFormatChanged_ReportsEachFlag()
    {
        var current = Written with
        {
            Stage = JourneyStage.VendorEvaluation,
            Persona = Persona.OperationsManager,
            PreferredFormat = null,
        };

        SignificantChange.Detect(Written, current, 5)
            .ShouldBe(InsightChanges.Stage | InsightChanges.Persona | InsightChanges.PreferredFormat);
    }
}
