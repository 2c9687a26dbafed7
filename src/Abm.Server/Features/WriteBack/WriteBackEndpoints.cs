using Microsoft.AspNetCore.Http.HttpResults;

namespace Abm.Server.Features.WriteBack;

internal static class WriteBackEndpoints
{
    public static RouteGroupBuilder MapWriteBackEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/writeback/status", StatusAsync).WithTags("Write-back").WithName("GetWriteBackStatus")
            .WithSummary("The workspace's write-back outbox: depth, oldest pending age, and failing rows grouped by HubSpot's reason.");
        return api;
    }

    private static async Task<Ok<WriteBackStatusResponse>> StatusAsync(WriteBackStatusReader reader, CancellationToken cancellationToken) =>
        TypedResults.Ok(await reader.ReadAsync(cancellationToken));
}
