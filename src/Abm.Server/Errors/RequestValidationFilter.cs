using System.ComponentModel.DataAnnotations;
using System.Text.Json;

namespace Abm.Server.Errors;

/// <summary>
/// Validates every request record of ours against its DataAnnotations before the handler runs, and
/// answers 400 with every failing field (named as the JSON names it) instead of calling the handler.
/// </summary>
internal static class RequestValidationFilter
{
    public static async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var argument in context.Arguments)
        {
            if (argument is null || argument.GetType().Namespace?.StartsWith("Abm.Server", StringComparison.Ordinal) != true)
            {
                continue;
            }

            var results = new List<ValidationResult>();
            if (!Validator.TryValidateObject(argument, new ValidationContext(argument), results, validateAllProperties: true))
            {
                foreach (var result in results)
                {
                    foreach (var member in result.MemberNames.DefaultIfEmpty(string.Empty))
                    {
                        var field = JsonNamingPolicy.CamelCase.ConvertName(member);
                        errors[field] = [.. errors.GetValueOrDefault(field, []), result.ErrorMessage ?? "Invalid value."];
                    }
                }
            }
        }

        return errors.Count > 0 ? TypedResults.ValidationProblem(errors, title: "The request has invalid fields.") : await next(context);
    }
}
