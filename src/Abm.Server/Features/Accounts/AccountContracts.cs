namespace Abm.Server.Features.Accounts;

internal sealed record AccountOwner(string HubSpotId, string? Name, string? Email);

/// <summary>One target account as the list shows it. Score and velocity are the latest roll-up; coverage is 0..100.</summary>
internal sealed record AccountRow(
    Guid Id, string HubSpotId, string? Name, string? Domain, string? Industry, string? Tier, int Score, string EngagementBand, double Velocity,
    double StakeholderCoverage, string? DominantStage, int ContactCount, AccountOwner? Owner, DateTime? ScoredAt);

internal sealed record AccountPage(IReadOnlyList<AccountRow> Rows, int Total);

internal sealed record AccountListResponse(IReadOnlyList<AccountRow> Accounts, int Total, int Limit, int Offset, string Sort, string Order);
