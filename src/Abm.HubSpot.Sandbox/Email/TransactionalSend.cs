namespace Abm.HubSpot.Sandbox.Email;

/// <summary>One accepted single-send transactional email, as recorded for the admin API.</summary>
internal sealed record TransactionalSend(
    string StatusId,
    long EmailId,
    string To,
    string? SendId,
    IReadOnlyDictionary<string, string?> ContactProperties,
    IReadOnlyDictionary<string, string?> CustomProperties,
    DateTimeOffset RequestedAt);
