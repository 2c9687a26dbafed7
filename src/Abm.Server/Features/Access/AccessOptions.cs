using System.ComponentModel.DataAnnotations;

namespace Abm.Server.Features.Access;

internal sealed class AccessOptions
{
    /// <summary>The operator key (API_SECRET_KEY): admin in every workspace. Empty disables operator access.</summary>
    [MinLength(24, ErrorMessage = "API_SECRET_KEY must be at least 24 characters long; generate one with 'openssl rand -base64 32'.")]
    public string? ApiSecretKey { get; set; }

    /// <summary>Requests per minute allowed per API key on /api.</summary>
    [Range(1, 1_000_000, ErrorMessage = "API_RATE_LIMIT_PER_MINUTE must be between 1 and 1000000.")]
    public int RateLimitPerMinute { get; set; } = 1200;

    public static void Bind(AccessOptions options, IConfiguration configuration)
    {
        options.ApiSecretKey = configuration["API_SECRET_KEY"] is { Length: > 0 } key ? key : null;
        if (configuration["API_RATE_LIMIT_PER_MINUTE"] is { Length: > 0 } limit)
        {
            options.RateLimitPerMinute = int.TryParse(limit, System.Globalization.CultureInfo.InvariantCulture, out var parsed) ? parsed : -1;
        }
    }
}
