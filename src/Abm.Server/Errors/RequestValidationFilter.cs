using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json;

namespace Abm.Server.Errors;

/// <summary>A request record whose list items its feature judges one by one (one bad item must not fail the others).</summary>
internal interface IValidatedPerItem;

/// <summary>
/// Validates every request record of ours against its DataAnnotations before the handler runs, and
/// answers 400 with every failing field (named as the JSON names it) instead of calling the handler.
/// Every text field is also checked for control and bidi characters (see <see cref="ControlCharacters"/>).
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
    /// checked too; fields are named as the JSON names them. A null list item is an error of its own, and the
    /// object's rules are not run over a list holding one (they may assume every item is there).
    /// </summary>
    private static IEnumerable<(string Field, string Message)> ValidateTree(object argument, string prefix)
    {
        var lists = Properties(argument)
            .Select(p => (Name: prefix + JsonName(p), Items: p.GetValue(argument) is IEnumerable items and not string and not IDictionary ? items.Cast<object?>().ToList() : null))
            .Where(l => l.Items is not null)
            .ToList();
        var nulls = lists.SelectMany(l => l.Items!.Select((item, index) => (l.Name, item, index)).Where(i => i.item is null))
            .Select(i => ($"{i.Name}[{i.index}]", "A list item may not be null.")).ToList();
        if (nulls.Count > 0)
        {
            foreach (var error in nulls)
            {
                yield return error;
            }

            yield break;
        }

        foreach (var result in Validate(argument))
        {
            foreach (var member in result.MemberNames.DefaultIfEmpty(string.Empty))
            {
                yield return (prefix + JsonNamingPolicy.CamelCase.ConvertName(member), result.ErrorMessage ?? "Invalid value.");
            }
        }

        foreach (var (name, items) in lists)
        {
            for (var index = 0; index < items!.Count; index++)
            {
                if (items[index] is { } item && IsRequestRecord(item) && item is not IValidatedPerItem)
                {
                    foreach (var error in ValidateTree(item, $"{name}[{index}]."))
                    {
                        yield return error;
                    }
                }
            }
        }
    }

    private static bool IsRequestRecord(object value) => value.GetType().Namespace?.StartsWith("Abm.Server", StringComparison.Ordinal) == true;

    /// <summary>
    /// Every property, then the object's own rules. Validator.TryValidateProperty would skip the object's
    /// rules whenever a property fails, hiding errors the caller would only discover on the next try.
    /// </summary>
    public static List<ValidationResult> Validate(object argument)
    {
        var results = new List<ValidationResult>();
        foreach (var property in Properties(argument))
        {
            var value = property.GetValue(argument);
            try
            {
                Validator.TryValidateProperty(value, new ValidationContext(argument) { MemberName = property.Name }, results);
            }
            catch (Exception error) when (error is OverflowException or FormatException or InvalidCastException or ArgumentException)
            {
                // A rule comparing in another number type (Range(int, int) on a huge double) cannot convert the value: it is out of range.
                results.Add(new ValidationResult($"{JsonName(property)} is out of range.", [property.Name]));
            }

            if (Texts(value).Select(text => ControlCharacters.Problem(JsonName(property), text)).FirstOrDefault(p => p is not null) is { } problem)
            {
                results.Add(new ValidationResult(problem, [property.Name]));
            }
        }

        if (argument is IValidatableObject validatable)
        {
            results.AddRange(validatable.Validate(new ValidationContext(argument)));
        }

        return results;
    }

    private static IEnumerable<PropertyInfo> Properties(object argument) =>
        argument.GetType().GetProperties().Where(p => p.GetIndexParameters().Length == 0);

    private static string JsonName(PropertyInfo property) =>
        property.GetCustomAttribute<System.Text.Json.Serialization.JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(property.Name);

    /// <summary>The text a property holds: itself, the items of a list of texts, or the keys of a dictionary.</summary>
    private static IEnumerable<string> Texts(object? value) => value switch
    {
        string text => [text],
        IDictionary dictionary => dictionary.Keys.OfType<string>(),
        IEnumerable<string?> texts => texts.OfType<string>(),
        _ => [],
    };
}
