using System.Globalization;

namespace Abm.HubSpot.Sandbox.Campaigns;

/// <summary>What campaigns v3 accepts: its properties, their formats, and the asset types.</summary>
internal static class CampaignRules
{
    public static readonly IReadOnlySet<string> Properties = new HashSet<string>(StringComparer.Ordinal)
    {
        "hs_name", "hs_start_date", "hs_end_date", "hs_notes", "hs_audience", "hs_currency_code", "hs_campaign_status",
        "hs_owner", "hs_color_hex", "hs_utm", "hs_budget_items_sum_amount", "hs_spend_items_sum_amount",
    };

    public static readonly IReadOnlySet<string> Statuses = new HashSet<string>(StringComparer.Ordinal) { "planned", "in_progress", "active", "paused", "completed" };

    public static readonly IReadOnlySet<string> AssetTypes = new HashSet<string>(StringComparer.Ordinal)
    {
        "MARKETING_EMAIL", "FORM", "LANDING_PAGE", "BLOG_POST", "SOCIAL_BROADCAST", "WEB_INTERACTIVE", "CTA", "AD_CAMPAIGN", "STATIC_LIST", "OBJECT_LIST",
    };

    /// <summary>Why the properties cannot make or change a campaign, or null when they can.</summary>
    public static string? Problem(IReadOnlyDictionary<string, string?> properties, bool isCreate)
    {
        if (properties.Keys.FirstOrDefault(k => !Properties.Contains(k)) is { } unknown)
        {
            return $"Property \"{unknown}\" does not exist";
        }

        if (isCreate && string.IsNullOrWhiteSpace(properties.GetValueOrDefault("hs_name")))
        {
            return "hs_name is required";
        }

        foreach (var date in new[] { "hs_start_date", "hs_end_date" })
        {
            if (properties.GetValueOrDefault(date) is { Length: > 0 } value && !IsDate(value))
            {
                return $"{date} must be a date formatted as YYYY-MM-DD, got '{value}'";
            }
        }

        if (properties.GetValueOrDefault("hs_campaign_status") is { Length: > 0 } status && !Statuses.Contains(status))
        {
            return $"hs_campaign_status must be one of {string.Join(", ", Statuses)}, got '{status}'";
        }

        return properties.GetValueOrDefault("hs_start_date") is { Length: > 0 } start && properties.GetValueOrDefault("hs_end_date") is { Length: > 0 } end
            && string.CompareOrdinal(end, start) < 0
            ? "hs_end_date must not be before hs_start_date"
            : null;
    }

    private static bool IsDate(string value) => DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
}
