namespace Abm.Data.Entities;

/// <summary>One connected HubSpot portal and everything ABM Engine keeps for it.</summary>
public sealed class Workspace
{
    public Guid Id { get; set; }
    public required string Name { get; set; }
    public string? HubSpotPortalId { get; set; }
    /// <summary>The workspace created for the HubSpot connection configured in the environment.</summary>
    public bool IsDefault { get; set; }
    /// <summary>Engagement scoring settings as JSON (weights, half-life, window); null means the defaults.</summary>
    public string? EngagementSettings { get; set; }
    /// <summary>User-defined contact segment rules as JSON; the built-in segments need none.</summary>
    public string? SegmentRules { get; set; }
    /// <summary>Nurture guardrails as JSON (frequency caps, quiet hours, weekends); null means the defaults.</summary>
    public string? NurtureGuardrails { get; set; }
    /// <summary>The HubSpot transactional email nurture sends go through; null uses the server's setting.</summary>
    public long? NurtureTransactionalEmailId { get; set; }
    /// <summary>The salt of this workspace's erasure tombstones (32 random bytes, made at its first erasure).</summary>
    public byte[]? PrivacySalt { get; set; }

    /// <summary>Tracked visits count only with the snippet's consent signal (the page's cookie banner said yes).</summary>
    public bool TrackingRequiresConsent { get; set; }

    /// <summary>Raw engagement events older than this many days are deleted by the daily retention job.</summary>
    public int EventRetentionDays { get; set; } = 730;
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
