using Abm.Benchmarks;
using BenchmarkDotNet.Running;

// "quick" times both scoring paths and the recommender in one Stopwatch run (ratios from the same machine
// state); anything else goes to BenchmarkDotNet's switcher (e.g. --filter '*').
if (args is ["quick", ..])
{
    QuickBench.Run(Console.Out);
}
else
{
    BenchmarkSwitcher.FromAssembly(typeof(QuickBench).Assembly).Run(args);
}
