namespace Abm.Server.Tests.Fuzz;

/// <summary>The records the fuzzed requests may name, so that a share of them find something and reach deeper code.</summary>
public sealed record FuzzWorld(
    DateTimeOffset Now, Guid WorkspaceId, Guid ContactId, string ContactEmail, string ContactHubSpotId, Guid ContentId, string TrackingToken)
{
    public IReadOnlyList<Guid> KnownIds => [WorkspaceId, ContactId, ContentId, Guid.Empty, Guid.CreateVersion7()];
}
