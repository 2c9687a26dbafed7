using System.Net;
using Abm.Data;
using Abm.HubSpot;
using Abm.HubSpot.Crm;
using Abm.HubSpot.Tasks;
using Abm.Server.Features.Sync;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Features.Leads;

/// <summary>
/// Creates the HIGH priority call tasks lead routing recorded in <c>sales_tasks</c> in HubSpot, 100 per batch call,
/// associated with the contact and assigned to its owner. Only the instance holding the portal's lease pushes, and
/// it takes the lease only when tasks are waiting. Each task's body carries its local id, so HubSpot's answer is
/// matched back by it; a task HubSpot refuses as a bad request is marked <c>FAILED</c> rather than retried forever.
/// </summary>
internal sealed class LeadTaskPusher(AbmDbContext database, PortalLeases leases, TimeProvider clock)
{
    public const int Batch = 100;
    private const string Waiting = "NOT_STARTED";

    public async Task<int> PushAsync(Guid workspaceId, HubSpotClient client, CancellationToken cancellationToken)
    {
        var waiting = await database.SalesTasks.Where(t => t.HubSpotTaskId == null && t.SyncedAt == null && t.Status == Waiting)
            .OrderBy(t => t.CreatedAt).Take(Batch * 5).ToListAsync(cancellationToken);
        if (waiting.Count == 0 || !await leases.TryAcquireAsync(workspaceId, cancellationToken))
        {
            return 0;
        }

        var contactIds = waiting.Select(t => t.ContactId).OfType<Guid>().Distinct().ToList();
        var hubSpotIds = await database.Contacts.Where(c => contactIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.HubSpotId, cancellationToken);
        var created = 0;
        foreach (var chunk in waiting.Chunk(Batch))
        {
            var inputs = chunk.Select(task => new CrmTaskInput
            {
                DueAt = new DateTimeOffset(DateTime.SpecifyKind(task.DueAt, DateTimeKind.Utc)),
                Subject = task.Subject,
                Body = $"{task.Body} Ref {Marker(task.Id)}",
                Priority = CrmTaskPriority.High,
                Type = CrmTaskType.Call,
                OwnerId = task.OwnerHubSpotId,
                ContactIds = task.ContactId is { } id && hubSpotIds.TryGetValue(id, out var hubSpotId) ? [hubSpotId] : [],
            }).ToList();
            CrmBatchResult result;
            try
            {
                result = await client.Tasks.CreateAsync(inputs, cancellationToken);
            }
            catch (HubSpotApiException error) when (error.StatusCode == HttpStatusCode.BadRequest)
            {
                MarkFailed(chunk);
                continue;
            }

            var byMarker = result.Records.Select(r => (Marker: MarkerIn(r.Get("hs_task_body")), r.Id)).Where(r => r.Marker is not null)
                .ToDictionary(r => r.Marker!, r => r.Id, StringComparer.Ordinal);
            var now = clock.GetUtcNow().UtcDateTime;
            foreach (var task in chunk)
            {
                if (byMarker.TryGetValue(Marker(task.Id), out var taskId))
                {
                    (task.HubSpotTaskId, task.SyncedAt) = (taskId, now);
                    created++;
                }
            }

            // Refused inputs (an owner or contact HubSpot does not know) would be refused again.
            MarkFailed(result.Errors.SelectMany(e => e.InputIndexes).Where(i => i >= 0 && i < chunk.Length).Select(i => chunk[i]));
            await database.SaveChangesAsync(cancellationToken);
        }

        await database.SaveChangesAsync(cancellationToken);
        return created;
    }

    private static void MarkFailed(IEnumerable<Data.Entities.SalesTask> tasks)
    {
        foreach (var task in tasks)
        {
            task.Status = "FAILED";
        }
    }

    private static string Marker(Guid taskId) => $"abmlead{taskId:N}";

    private static string? MarkerIn(string? body)
    {
        var at = body?.IndexOf("abmlead", StringComparison.Ordinal) ?? -1;
        return at >= 0 && body!.Length >= at + 39 ? body.Substring(at, 39) : null;
    }
}
