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
            if (argument is null || !IsRequestRecord(argument))
            {
                continue;
            }

            foreach (var (field, message) in ValidateTree(argument, prefix: ""))
            {
                errors[field] = [.. errors.GetValueOrDefault(field, []), message];
            }
        }

        return errors.Count > 0 ? TypedResults.ValidationProblem(errors, title: "The request has invalid fields.") : await next(context);
    }

    /// <summary>
    /// The request and every request record inside its lists (rules[0].segment), so an item's own rules are
    /// checked too; fields are named as the JSON names them.
    /// </summary>
    private static IEnumerable<(string Field, string Message)> ValidateTree(object argument, string prefix)
    {
        foreach (var result in Validate(argument))
        {
            foreach (var member in result.MemberNames.DefaultIfEmpty(string.Empty))
            {
                yield return (prefix + JsonNamingPolicy.CamelCase.ConvertName(member), result.ErrorMessage ?? "Invalid value.");
            }
        }

        foreach (var property in argument.GetType().GetProperties().Where(p => p.GetIndexParameters().Length == 0))
        {
            if (property.GetValue(argument) is System.Collections.IEnumerable items and not string)
            {
                var index = 0;
                foreach (var item in items)
                {
                    if (item is not null && IsRequestRecord(item))
                    {
                        foreach (var error in ValidateTree(item, $"{prefix}{JsonNamingPolicy.CamelCase.ConvertName(property.Name)}[{index}]."))
                        {
                            yield return error;
                        }
                    }

                    index++;
                }
            }
        }
    }

    private static bool IsRequestRecord(object value) => value.GetType().Namespace?.StartsWith("Abm.Server", StringComparison.Ordinal) == true;

    /// <summary>
    /// Every property, then the object's own rules. Validator.TryValidateObject would skip the object's
    /// rules whenever a property fails, hiding errors the caller would only discover on the next try.
    /// </summary>
    public static List<ValidationResult> Validate(object argument)
    {
        var results = new List<ValidationResult>();
        foreach (var property in argument.GetType().GetProperties().Where(p => p.GetIndexParameters().Length == 0))
        {
            var context = new ValidationContext(argument) { MemberName = property.Name };
            Validator.TryValidateProperty(property.GetValue(argument), context, results);
        }

        if (argument is IValidatableObject validatable)
        {
            results.AddRange(validatable.Validate(new ValidationContext(argument)));
        }

        return results;
    }
}
