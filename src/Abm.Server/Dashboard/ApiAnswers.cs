using Microsoft.AspNetCore.Http.HttpResults;

namespace Abm.Server.Dashboard;

/// <summary>
/// What an API handler answered, read back for a page that called the handler itself (so the page keeps the
/// route's rules, checks and audit): the value, or the problem's words, and a validation problem's errors by field.
/// </summary>
public sealed record ApiAnswer<T>(T? Value, string? Problem, IReadOnlyDictionary<string, string[]> Errors)
{
    public bool Succeeded => Problem is null;
}

internal static class ApiAnswers
{
    private static readonly Dictionary<string, string[]> NoErrors = [];

    public static ApiAnswer<T> Of<T>(IResult result) => result switch
    {
        INestedHttpResult nested => Of<T>(nested.Result),
        IValueHttpResult<T> { Value: var value } => new ApiAnswer<T>(value, null, NoErrors),
        NoContent => new ApiAnswer<T>(default, null, NoErrors),
        ValidationProblem invalid => new ApiAnswer<T>(default, invalid.ProblemDetails.Title ?? "The request has problems.", invalid.ProblemDetails.Errors.AsReadOnly()),
        ProblemHttpResult problem => new ApiAnswer<T>(default, problem.ProblemDetails.Detail ?? problem.ProblemDetails.Title ?? "The request was refused.", NoErrors),
        _ => throw new InvalidOperationException($"A handler answered {result.GetType().Name}, which the dashboard does not read."),
    };
}
