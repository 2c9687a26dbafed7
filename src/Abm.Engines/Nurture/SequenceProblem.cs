namespace Abm.Engines.Nurture;

/// <summary>One thing wrong with a sequence document, at its JSON path (e.g. <c>$.steps[2].else</c>).</summary>
public sealed record SequenceProblem(string Path, string Message);
