using System.Text.Json;
using Abm.Engines.Leads;

namespace Abm.Engines.Tests.Leads;

public class LeadAnswerTests
{
    [Theory]
    [InlineData("""{"score": 86, "fit_level": "High", "next_action": "Call", "reasoning": "Fits."}""", 86, FitLevel.High, NextAction.Call)]
    [InlineData("""{"score": 80, "fit_level": "High", "next_action": "Email", "reasoning": "Edge of High."}""", 80, FitLevel.High, NextAction.Email)]
    [InlineData("""{"score": 79, "fit_level": "Medium", "next_action": "Email", "reasoning": "Edge of Medium."}""", 79, FitLevel.Medium, NextAction.Email)]
    [InlineData("""{"score": 50, "fit_level": "Medium", "next_action": "Call", "reasoning": "Low edge of Medium."}""", 50, FitLevel.Medium, NextAction.Call)]
    [InlineData("""{"score": 49, "fit_level": "Low", "next_action": "Nurture", "reasoning": "Just Low."}""", 49, FitLevel.Low, NextAction.Nurture)]
    [InlineData("""{"score": 0, "fit_level": "Low", "next_action": "Nurture", "reasoning": "Nothing known."}""", 0, FitLevel.Low, NextAction.Nurture)]
    [InlineData("""{"reasoning": "Order is free.", "next_action": "Call", "fit_level": "High", "score": 100}""", 100, FitLevel.High, NextAction.Call)]
    [InlineData("```json\n{\"score\": 60, \"fit_level\": \"Medium\", \"next_action\": \"Email\", \"reasoning\": \"Fenced.\"}\n```", 60, FitLevel.Medium, NextAction.Email)]
    public void TryParse_AnswerKeepingTheContract_Read(string text, int score, FitLevel fit, NextAction action)
    {
        LeadAnswer.TryParse(text, out var answer, out var error).ShouldBeTrue(error);

        answer!.Score.ShouldBe(score);
        answer.Fit.ShouldBe(fit);
        answer.Action.ShouldBe(action);
        answer.Reasoning.ShouldNotBeNullOrWhiteSpace();
    }

    [Theory]
    [InlineData(null, "empty")]
    [InlineData("   ", "empty")]
    [InlineData("Sure, the lead fits well.", "not valid JSON")]
    [InlineData("{\"score\": 70", "not valid JSON")]
    [InlineData("[86, \"High\"]", "not a JSON object")]
    [InlineData("""{"score": 86, "fit_level": "High", "next_action": "Call"}""", "missing field(s): reasoning")]
    [InlineData("""{"score": 86, "fit_level": "High", "next_action": "Call", "reasoning": "x", "confidence": 0.9}""", "unknown field(s): confidence")]
    [InlineData("""{"score": 86.5, "fit_level": "High", "next_action": "Call", "reasoning": "x"}""", "score must be an integer")]
    [InlineData("""{"score": "86", "fit_level": "High", "next_action": "Call", "reasoning": "x"}""", "score must be an integer")]
    [InlineData("""{"score": 140, "fit_level": "High", "next_action": "Call", "reasoning": "x"}""", "score 140 is outside 0-100")]
    [InlineData("""{"score": -1, "fit_level": "Low", "next_action": "Nurture", "reasoning": "x"}""", "score -1 is outside 0-100")]
    [InlineData("""{"score": 86, "fit_level": "high", "next_action": "Call", "reasoning": "x"}""", "fit_level must be High, Medium or Low")]
    [InlineData("""{"score": 86, "fit_level": "Medium", "next_action": "Call", "reasoning": "x"}""", "fit_level Medium does not match score 86, whose band is High")]
    [InlineData("""{"score": 49, "fit_level": "Medium", "next_action": "Email", "reasoning": "x"}""", "fit_level Medium does not match score 49, whose band is Low")]
    [InlineData("""{"score": 86, "fit_level": "High", "next_action": "Meet", "reasoning": "x"}""", "next_action must be Call, Email or Nurture")]
    [InlineData("""{"score": 86, "fit_level": "High", "next_action": "Call", "reasoning": "  "}""", "reasoning must be a non-empty string")]
    [InlineData("""{"score": 86, "fit_level": "High", "next_action": "Call", "reasoning": 3}""", "reasoning must be a non-empty string")]
    [InlineData("The answer: {\"score\": 86, \"fit_level\": \"High\", \"next_action\": \"Call\", \"reasoning\": \"x\"}", "not valid JSON")]
    public void TryParse_AnswerBreakingTheContract_RefusedSayingWhy(string? text, string reason)
    {
        LeadAnswer.TryParse(text, out var answer, out var error).ShouldBeFalse();

        answer.ShouldBeNull();
        error.ShouldContain(reason);
    }

    [Fact]
    public void TryParse_RandomAnswers_AcceptedExactlyWhenInRangeAndTheLevelIsTheScoresBand()
    {
        var random = new Random(1402);
        for (var run = 0; run < 3000; run++)
        {
            var score = random.Next(-20, 121);
            var fit = (FitLevel)random.Next(3);
            var action = (NextAction)random.Next(3);
            var text = JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["score"] = score, ["fit_level"] = fit.ToString(), ["next_action"] = action.ToString(), ["reasoning"] = $"run {run}",
            });

            var accepted = LeadAnswer.TryParse(text, out var answer, out _);

            var expected = score is >= 0 and <= 100 && fit == (score >= 80 ? FitLevel.High : score >= 50 ? FitLevel.Medium : FitLevel.Low);
            accepted.ShouldBe(expected, text);
            if (accepted)
            {
                answer!.ShouldBe(new LeadAnswer(score, fit, action, $"run {run}"));
                LeadAnswer.TryParse(answer!.ToJson(), out var again, out _).ShouldBeTrue();
                again.ShouldBe(answer);
            }
        }
    }
}
