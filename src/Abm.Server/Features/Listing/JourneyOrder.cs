using System.Linq.Expressions;
using Abm.Engines;
using Abm.Engines.Journey;

namespace Abm.Server.Features.Listing;

/// <summary>
/// Sorting by journey stage means journey order (awareness first), not alphabetical order. The database holds
/// stages as names, so the position is written into the query as a CASE over the known names; an unknown or
/// missing stage sorts before the first.
/// </summary>
internal static class JourneyOrder
{
    public static readonly IReadOnlyList<string> StageNames = [.. Enum.GetValues<JourneyStage>().Select(s => s.ToWireName())];

    /// <summary>row => row.Stage == "problem_awareness" ? 1 : row.Stage == "solution_exploration" ? 2 : ... : 0</summary>
    public static Expression<Func<T, int>> Position<T>(Expression<Func<T, string?>> stage)
    {
        Expression position = Expression.Constant(0);
        for (var i = StageNames.Count - 1; i >= 0; i--)
        {
            position = Expression.Condition(
                Expression.Equal(stage.Body, Expression.Constant(StageNames[i], typeof(string))),
                Expression.Constant(i + 1),
                position);
        }

        return Expression.Lambda<Func<T, int>>(position, stage.Parameters);
    }
}
