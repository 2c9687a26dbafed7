namespace Abm.Server.Features.Demo;

/// <summary>
/// <c>GET /api/demo</c>: whether this server runs on simulated data and, when it does, how far the demo got and how
/// much live buyer activity (events stored since the demo became ready in this process: the sandbox's event sink, and
/// webhook batches of its CRM changes) has landed in the caller's workspace.
/// </summary>
internal sealed record DemoResponse(
    bool Demo, string? Note, DateTime? StartedAt, DateTime? ReadyAt, string? Problem, int Contacts, int ScoredContacts, int Accounts, int ContentItems,
    long Events, long LiveEvents, DateTime? LatestLiveEventAt, int LiveWebhookBatches);
