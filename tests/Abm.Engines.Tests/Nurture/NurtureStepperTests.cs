using Abm.Engines.Journey;
using Abm.Engines.Nurture;
using Abm.Engines.Personas;

namespace Abm.Engines.Tests.Nurture;

public class NurtureStepperTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 14, 0, 0, TimeSpan.Zero);

    private static readonly SequenceDefinition FastTrack = new(
        "Fast track", null, [new ManualTrigger()], Reenrollment.Never,
        [
            new SendContentStep("proof", null, null, [Abm.Engines.Content.ContentType.CaseStudy], []),
            new WaitStep("pause", null, TimeSpan.FromDays(2), null),
            new BranchStep("check", null, "nudge", new ScoreCondition(70, null)),
            new CreateTaskStep("call", "done", "Call now", new TaskOwner(TaskOwnerKind.ContactOwner), TaskPriority.High, 1),
            new SendContentStep("nudge", null, "guide-7", [], []),
            new EndStep("done"),
        ],
        [SequenceGoal.MeetingBooked],
        GuardrailOverrides.None);

    private static NurtureFacts Facts(double score = 75, params SequenceGoal[] goals) =>
        new(score, JourneyStage.VendorEvaluation, Persona.TechnicalDirector, new HashSet<string> { "engaged" }, goals.ToHashSet(), null, TimeZoneInfo.Utc);

    [Fact]
    public void Next_AtAnActionStep_PerformsIt()
    {
        var decision = NurtureStepper.Next(FastTrack, new EnrollmentPosition("proof", Start), Facts(), Start);

        var perform = decision.ShouldBeOfType<PerformStep>();
        (perform.Step.Id, perform.NextStepId).ShouldBe(("proof", "pause"));
    }

    [Fact]
    public void Next_WaitNotOver_WaitsUntilItsEnd()
    {
        var decision = NurtureStepper.Next(FastTrack, new EnrollmentPosition("pause", Start), Facts(), Start.AddDays(1));

        decision.ShouldBeOfType<WaitUntil>().Due.ShouldBe(Start.AddDays(2));
    }

    [Fact]
    public void Next_WaitOverAndScoreHigh_PassesTheBranchToTheTask()
    {
        var decision = NurtureStepper.Next(FastTrack, new EnrollmentPosition("pause", Start), Facts(score: 75), Start.AddDays(3));

        var perform = decision.ShouldBeOfType<PerformStep>();
        perform.Step.Id.ShouldBe("call");
        perform.NextStepId.ShouldBe("done");
        perform.Position.ShouldBe(new EnrollmentPosition("call", Start.AddDays(2)));
        perform.Trail.ShouldBe(["wait 'pause' ended 2026-03-04 14:00 UTC", "branch 'check': score 75 is within 70..100, so then 'call'"]);
    }

    [Fact]
    public void Next_ScoreLow_TakesTheElseArm()
    {
        var decision = NurtureStepper.Next(FastTrack, new EnrollmentPosition("check", Start), Facts(score: 40), Start);

        decision.ShouldBeOfType<PerformStep>().Step.Id.ShouldBe("nudge");
        decision.Trail.ShouldBe(["branch 'check': score 40 is not within 70..100, so else 'nudge'"]);
    }

    [Fact]
    public void Next_GoalReached_ExitsBeforeTheStep()
    {
        var decision = NurtureStepper.Next(FastTrack, new EnrollmentPosition("call", Start), Facts(75, SequenceGoal.MeetingBooked), Start);

        decision.ShouldBeOfType<ExitForGoal>().Goal.ShouldBe(SequenceGoal.MeetingBooked);
    }

    [Fact]
    public void Next_GoalTheSequenceDoesNotName_IsIgnored()
    {
        var decision = NurtureStepper.Next(FastTrack, new EnrollmentPosition("proof", Start), Facts(75, SequenceGoal.Reply), Start);

        decision.ShouldBeOfType<PerformStep>();
    }

    [Fact]
    public void Next_PollingLoopProcessedLate_GoesRoundOnceThenWaitsFromNow()
    {
        var polling = FastTrack with
        {
            Steps =
            [
                new WaitStep("daily", null, TimeSpan.FromDays(1), null),
                new BranchStep("hot", "call", "daily", new ScoreCondition(70, null)),
                new CreateTaskStep("call", null, "Call now", new TaskOwner(TaskOwnerKind.ContactOwner), TaskPriority.High, 1),
            ],
        };
        var now = Start.AddDays(10);

        var decision = NurtureStepper.Next(polling, new EnrollmentPosition("daily", Start), Facts(score: 40), now);

        decision.ShouldBeOfType<WaitUntil>().Due.ShouldBe(now.AddDays(1));
        decision.Trail.Count.ShouldBe(2);
    }

    [Fact]
    public void Next_AtEnd_Completes()
    {
        NurtureStepper.Next(FastTrack, new EnrollmentPosition("done", Start), Facts(), Start).ShouldBeOfType<Complete>();
    }

    [Theory]
    [InlineData(null, null, null, false, "nothing was sent yet")]
    [InlineData(0, 3, null, true, "the contact engaged with the last item within 5 days of sending")]
    [InlineData(0, 6, null, false, "the contact did not engage with the last item within 5 days of sending")]
    public void Evaluate_EngagedWithLastSent(int? sentDay, int? engagedDay, int? unused, bool holds, string why)
    {
        _ = unused;
        LastSend? last = sentDay is { } s ? new LastSend(Start.AddDays(s), null, null, engagedDay is { } e ? Start.AddDays(e) : null) : null;
        var facts = Facts() with { LastSend = last };

        NurtureStepper.Evaluate(new EngagedWithLastSentCondition(5), facts, Start.AddDays(10)).ShouldBe((holds, why));
    }

    [Fact]
    public void Evaluate_OpenedAndClicked_ClickCountsAsOpen()
    {
        var facts = Facts() with { LastSend = new LastSend(Start, null, Start.AddHours(1), null) };

        NurtureStepper.Evaluate(new LastEmailCondition(RequireClick: false), facts, Start).Holds.ShouldBeTrue();
        NurtureStepper.Evaluate(new LastEmailCondition(RequireClick: true), facts with { LastSend = new LastSend(Start, Start, null, null) }, Start).Holds.ShouldBeFalse();
    }

    [Fact]
    public void DryRun_FastTrack_ListsEachActionAtItsSimulatedTime()
    {
        var entries = NurtureDryRun.Simulate(FastTrack, Facts(score: 75), Start, TimeSpan.FromDays(30));

        entries.Select(e => (e.At, e.StepId, e.Action)).ShouldBe([
            (Start, "proof", "email the recommender's best item not yet sent or consumed among case_study"),
            (Start.AddDays(2), "call", "create a HIGH task 'Call now' for the contact's owner, due in 1 day(s)"),
            (Start.AddDays(2), "done", "complete"),
        ]);
        entries[1].Why.ShouldContain("branch 'check': score 75 is within 70..100, so then 'call'");
    }

    [Fact]
    public void DryRun_HorizonBeforeTheWaitEnds_SaysItIsStillWaiting()
    {
        var entries = NurtureDryRun.Simulate(FastTrack, Facts(), Start, TimeSpan.FromDays(1));

        entries.Select(e => e.StepId).ShouldBe(["proof", "pause"]);
        entries[1].Action.ShouldBe("still waiting when the horizon ends");
    }

    [Fact]
    public void Next_RandomValidSequencesAndFacts_AlwaysStopsAtAnActionAWaitAGoalOrTheEnd()
    {
        var random = new Random(23);
        var checkedCount = 0;
        while (checkedCount < 1_000)
        {
            var definition = RandomSequence(random);
            if (SequenceGraphCheck.Problems(definition).Count > 0)
            {
                continue;
            }

            checkedCount++;
            var facts = Facts(score: random.Next(0, 101)) with
            {
                GoalsReached = random.Next(4) == 0 ? new HashSet<SequenceGoal> { SequenceGoal.MeetingBooked } : new HashSet<SequenceGoal>(),
            };
            var step = definition.Steps[random.Next(definition.Steps.Count)];
            var now = Start.AddHours(random.Next(0, 200));

            var decision = NurtureStepper.Next(definition, new EnrollmentPosition(step.Id, Start), facts, now);

            switch (decision)
            {
                case PerformStep perform:
                    perform.Step.ShouldNotBeOfType<WaitStep>();
                    perform.Step.ShouldNotBeOfType<BranchStep>();
                    perform.Step.ShouldNotBeOfType<EndStep>();
                    break;
                case WaitUntil wait:
                    wait.Due.ShouldBeGreaterThan(now);
                    break;
                case ExitForGoal exit:
                    facts.GoalsReached.ShouldContain(exit.Goal);
                    break;
            }
        }
    }

    private static SequenceDefinition RandomSequence(Random random)
    {
        var count = random.Next(1, 8);
        var ids = Enumerable.Range(0, count).Select(i => $"s{i}").ToArray();
        string? Target() => random.Next(2) == 0 ? null : ids[random.Next(count)];
        var steps = ids.Select(id => (SequenceStep)(random.Next(5) switch
        {
            0 => new WaitStep(id, Target(), TimeSpan.FromHours(random.Next(1, 100)), null),
            1 => new BranchStep(id, Target(), ids[random.Next(count)], new ScoreCondition(random.Next(0, 101), null)),
            2 => new EndStep(id),
            3 => new UpdatePropertyStep(id, Target(), "abm_journey_stage", "x"),
            _ => new SendContentStep(id, Target(), null, [], []),
        })).ToList();
        return new SequenceDefinition("Random", null, [new ManualTrigger()], Reenrollment.Never, steps, [SequenceGoal.MeetingBooked], GuardrailOverrides.None);
    }
}
