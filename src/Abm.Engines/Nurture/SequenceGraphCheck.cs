namespace Abm.Engines.Nurture;

/// <summary>
/// Checks the shape of a sequence's step graph: every step it names exists, every step can be reached from the
/// first, and no loop can run without passing a wait (which would act on HubSpot without pause).
/// </summary>
public static class SequenceGraphCheck
{
    /// <summary>Every problem of the graph, each at the path of the step it concerns.</summary>
    public static IReadOnlyList<SequenceProblem> Problems(SequenceDefinition definition)
    {
        var problems = new List<SequenceProblem>();
        var index = definition.Steps.Select((step, i) => (step.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        foreach (var (step, i) in definition.Steps.Select((step, i) => (step, i)))
        {
            foreach (var (field, target) in NamedTargets(step))
            {
                if (!index.ContainsKey(target))
                {
                    problems.Add(new SequenceProblem($"$.steps[{i}].{field}", $"names step '{target}', which does not exist."));
                }
            }
        }

        if (problems.Count > 0)
        {
            return problems;
        }

        var reachable = Reachable(definition, index);
        problems.AddRange(definition.Steps.Select((step, i) => (step, i)).Where(p => !reachable.Contains(p.step.Id))
            .Select(p => new SequenceProblem($"$.steps[{p.i}]", $"step '{p.step.Id}' can never be reached from the first step.")));
        problems.AddRange(LoopsWithoutWait(definition, index).Select(loop =>
            new SequenceProblem($"$.steps[{index[loop[0]]}]", $"steps {string.Join(" -> ", loop.Append(loop[0]).Select(id => $"'{id}'"))} form a loop without a wait.")));
        return problems;
    }

    /// <summary>The steps that can follow <paramref name="step"/>: none after an end, both arms of a branch.</summary>
    public static IEnumerable<string> Successors(SequenceDefinition definition, SequenceStep step) => step switch
    {
        EndStep => [],
        BranchStep branch => new[] { branch.Then ?? definition.DefaultNext(branch), branch.Else }.OfType<string>().Distinct(),
        _ => (step.Next ?? definition.DefaultNext(step)) is { } next ? [next] : [],
    };

    private static IEnumerable<(string Field, string Target)> NamedTargets(SequenceStep step) => step switch
    {
        BranchStep branch => new[] { ("then", branch.Then), ("else", (string?)branch.Else) }.Where(t => t.Item2 is not null).Select(t => (t.Item1, t.Item2!)),
        _ => step.Next is { } next ? [("next", next)] : [],
    };

    private static HashSet<string> Reachable(SequenceDefinition definition, Dictionary<string, int> index)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { definition.FirstStep.Id };
        var pending = new Stack<string>([definition.FirstStep.Id]);
        while (pending.TryPop(out var id))
        {
            foreach (var next in Successors(definition, definition.Steps[index[id]]))
            {
                if (seen.Add(next))
                {
                    pending.Push(next);
                }
            }
        }

        return seen;
    }

    /// <summary>
    /// Cycles among steps that are not waits: the strongly connected components (Tarjan) of the graph with
    /// waits removed that hold more than one step or a step leading to itself. Each is listed in list order.
    /// </summary>
    private static List<List<string>> LoopsWithoutWait(SequenceDefinition definition, Dictionary<string, int> index)
    {
        var loops = new List<List<string>>();
        var order = new Dictionary<string, int>(StringComparer.Ordinal);
        var low = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var onStack = new HashSet<string>(StringComparer.Ordinal);
        IEnumerable<string> Next(string id) =>
            definition.Steps[index[id]] is WaitStep ? [] : Successors(definition, definition.Steps[index[id]]).Where(n => definition.Steps[index[n]] is not WaitStep);

        void Visit(string id)
        {
            order[id] = low[id] = order.Count;
            stack.Push(id);
            onStack.Add(id);
            foreach (var next in Next(id))
            {
                if (!order.TryGetValue(next, out var nextOrder))
                {
                    Visit(next);
                    low[id] = Math.Min(low[id], low[next]);
                }
                else if (onStack.Contains(next))
                {
                    low[id] = Math.Min(low[id], nextOrder);
                }
            }

            if (low[id] != order[id])
            {
                return;
            }

            var component = new List<string>();
            string member;
            do
            {
                member = stack.Pop();
                onStack.Remove(member);
                component.Add(member);
            }
            while (member != id);

            if (component.Count > 1 || Next(id).Contains(id))
            {
                loops.Add([.. component.OrderBy(m => index[m])]);
            }
        }

        foreach (var step in definition.Steps.Where(s => !order.ContainsKey(s.Id)))
        {
            Visit(step.Id);
        }

        return [.. loops.OrderBy(loop => index[loop[0]])];
    }
}
