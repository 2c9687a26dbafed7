using Abm.Engines.Nurture;

namespace Abm.Engines.Tests.Nurture;

public class SequenceGraphCheckTests
{
    private static SequenceDefinition Sequence(params SequenceStep[] steps) =>
        new("Test", null, [new ManualTrigger()], Reenrollment.Never, steps, [], GuardrailOverrides.None);

    private static SendContentStep Send(string id, string? next = null) => new(id, next, null, [], []);

    private static WaitStep Wait(string id, string? next = null) => new(id, next, TimeSpan.FromDays(1), null);

    private static BranchStep Branch(string id, string? then, string otherwise) => new(id, then, otherwise, new ScoreCondition(50, null));

    [Fact]
    public void Problems_LinearDrip_None()
    {
        SequenceGraphCheck.Problems(Sequence(Send("a"), Wait("b"), Send("c"), new EndStep("d"))).ShouldBeEmpty();
    }

    [Fact]
    public void Problems_LoopThroughAWait_None()
    {
        SequenceGraphCheck.Problems(Sequence(Send("a"), Wait("b"), Branch("c", null, "a"), new EndStep("d"))).ShouldBeEmpty();
    }

    [Fact]
    public void Problems_LoopWithoutAWait_NamesTheLoopAtItsFirstStep()
    {
        var problems = SequenceGraphCheck.Problems(Sequence(Wait("w"), Send("a"), Send("b"), Branch("c", "d", "a"), new EndStep("d")));

        problems.ShouldBe([new SequenceProblem("$.steps[1]", "steps 'a' -> 'b' -> 'c' -> 'a' form a loop without a wait.")]);
    }

    [Fact]
    public void Problems_StepLeadingToItself_IsALoop()
    {
        var problems = SequenceGraphCheck.Problems(Sequence(Send("a", next: "a")));

        problems.ShouldBe([new SequenceProblem("$.steps[0]", "steps 'a' -> 'a' form a loop without a wait.")]);
    }

    [Fact]
    public void Problems_StepsAfterAnEndThatNothingNames_AreUnreachable()
    {
        var problems = SequenceGraphCheck.Problems(Sequence(Send("a"), new EndStep("b"), Send("c"), Wait("d")));

        problems.Select(p => p.Path).ShouldBe(["$.steps[2]", "$.steps[3]"]);
        problems[0].Message.ShouldBe("step 'c' can never be reached from the first step.");
    }

    [Fact]
    public void Problems_UnknownTargets_AreNamedAtTheirField()
    {
        var problems = SequenceGraphCheck.Problems(Sequence(Send("a", next: "zz"), Branch("b", "yy", "xx")));

        problems.ShouldBe([
            new SequenceProblem("$.steps[0].next", "names step 'zz', which does not exist."),
            new SequenceProblem("$.steps[1].then", "names step 'yy', which does not exist."),
            new SequenceProblem("$.steps[1].else", "names step 'xx', which does not exist."),
        ]);
    }

    [Fact]
    public void Problems_RandomGraphs_ReportALoopExactlyWhenACycleAvoidsEveryWait()
    {
        var random = new Random(5);
        for (var run = 0; run < 3_000; run++)
        {
            var count = random.Next(1, 9);
            var ids = Enumerable.Range(0, count).Select(i => $"s{i}").ToArray();
            var steps = ids.Select(id => (SequenceStep)(random.Next(3) switch
            {
                0 => Wait(id, Target(random, ids)),
                1 => Branch(id, Target(random, ids), ids[random.Next(count)]),
                _ => Send(id, Target(random, ids)),
            })).ToArray();
            var definition = Sequence(steps);

            var reported = SequenceGraphCheck.Problems(definition).Any(p => p.Message.EndsWith("form a loop without a wait.", StringComparison.Ordinal));

            reported.ShouldBe(HasCycleWithoutWait(definition), string.Join(" | ", steps.Select(s => s.ToString())));
        }
    }

    private static string? Target(Random random, string[] ids) => random.Next(3) == 0 ? null : ids[random.Next(ids.Length)];

    /// <summary>Brute force: a step not a wait that can come back to itself through steps that are not waits.</summary>
    private static bool HasCycleWithoutWait(SequenceDefinition definition)
    {
        foreach (var start in definition.Steps.Where(s => s is not WaitStep))
        {
            var frontier = new Queue<string>(SequenceGraphCheck.Successors(definition, start));
            var seen = new HashSet<string>();
            while (frontier.TryDequeue(out var id))
            {
                var step = definition.StepById(id)!;
                if (step is WaitStep || !seen.Add(id))
                {
                    continue;
                }

                if (id == start.Id)
                {
                    return true;
                }

                foreach (var next in SequenceGraphCheck.Successors(definition, step))
                {
                    frontier.Enqueue(next);
                }
            }
        }

        return false;
    }
}
