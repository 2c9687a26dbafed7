using System.Security.Claims;

namespace Abm.Server.Dashboard;

/// <summary>
/// A page running an API route's own handler (its checks, HubSpot calls, audit and answers) for the signed-in user,
/// and reading the answer back: the value, or the words of the problem the route would have answered.
/// </summary>
internal static class HandlerCalls
{
    private static readonly Dictionary<string, string[]> NoErrors = [];

    /// <summary>A read open to every role (as the route is).</summary>
    public static async Task<ApiAnswer<T>> AskAsync<T>(this DashboardData data, Func<IServiceProvider, ClaimsPrincipal, Task<IResult>> handler) =>
        Read<T>(await data.RunAsync(handler));

    /// <summary>A change, allowed only under <paramref name="policy"/>: the route's own policy.</summary>
    public static async Task<ApiAnswer<T>> ChangeAsync<T>(this DashboardData data, string policy, Func<IServiceProvider, ClaimsPrincipal, Task<IResult>> handler) =>
        Read<T>(await data.ActAsync(policy, handler));

    /// <summary>Every sentence of a refusal: the problem, then each field's messages (a validation problem names them).</summary>
    public static IReadOnlyList<string> Sentences<T>(ApiAnswer<T> answer) =>
        answer.Succeeded ? [] : [.. new[] { answer.Problem! }.Concat(answer.Errors.SelectMany(e => e.Value)).Distinct(StringComparer.Ordinal)];

    private static ApiAnswer<T> Read<T>(DataResult<IResult> result) =>
        result.Value is { } value ? ApiAnswers.Of<T>(value) : new ApiAnswer<T>(default, result.Problem, NoErrors);
}
