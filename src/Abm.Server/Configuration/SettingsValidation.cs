using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Abm.Server.Configuration;

/// <summary>
/// Validates an options class by its data annotations at start, reporting each failure in the words of its
/// own ErrorMessage (which names the setting and what is expected) rather than inside the framework's
/// "DataAnnotation validation failed for ... members" sentence.
/// </summary>
internal static class SettingsValidation
{
    public static OptionsBuilder<T> ValidateSettings<T>(this OptionsBuilder<T> builder) where T : class
    {
        builder.Services.AddSingleton<IValidateOptions<T>>(new AnnotatedSettingsValidator<T>(builder.Name));
        return builder.ValidateOnStart();
    }

    private sealed class AnnotatedSettingsValidator<T>(string? name) : IValidateOptions<T> where T : class
    {
        public ValidateOptionsResult Validate(string? optionsName, T options)
        {
            if (name is not null && name != optionsName)
            {
                return ValidateOptionsResult.Skip;
            }

            var results = new List<ValidationResult>();
            return Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true)
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail(results.Select(r => r.ErrorMessage ?? $"{string.Join(", ", r.MemberNames)} is invalid."));
        }
    }
}
