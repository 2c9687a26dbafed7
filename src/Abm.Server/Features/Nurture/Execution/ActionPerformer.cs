using System.Globalization;
using System.Net;
using Abm.Engines.Nurture;
using Abm.HubSpot;
using Abm.HubSpot.Email;
using Abm.HubSpot.Search;
using Abm.HubSpot.Tasks;
using Abm.Server.Features.Tracking;
using Microsoft.Extensions.Options;

namespace Abm.Server.Features.Nurture.Execution;

/// <summary>
/// Phase two of a batch: the HubSpot calls, through the portal's rate-limited client. Emails go one call each
/// with the sendId of their action (a repeat is ignored by HubSpot); tasks go in batch creates of 100, each
/// carrying its action's marker in its body, and a task whose action may have run before is first looked up by
/// that marker; list changes go 100 contacts a call per list (a repeat changes nothing). Nothing is saved here.
/// </summary>
internal sealed class ActionPerformer(TrackingTokens tokens, IOptions<NurtureOptions> options, TransactionalEmailSetting emails)
{
    public const string TrackingParameter = "abm_t";

    public async Task<List<ActionOutcome>> PerformAsync(HubSpotClient client, IReadOnlyList<PendingAction> pending, CancellationToken cancellationToken)
    {
        var outcomes = new List<ActionOutcome>(pending.Count);
        var sends = pending.Where(p => p.Step is SendContentStep).ToList();
        var emailId = sends.Count == 0 ? 0 : await emails.EmailIdAsync(sends[0].Context.Contact.WorkspaceId, cancellationToken);
        foreach (var send in sends)
        {
            outcomes.Add((await GuardAsync(send, async () => await SendAsync(client, send, emailId, cancellationToken)))!);
        }

        outcomes.AddRange(await CreateTasksAsync(client, pending.Where(p => p.Step is CreateTaskStep).ToList(), cancellationToken));
        foreach (var list in pending.Where(p => p.Step is ListMembershipStep).GroupBy(p => (((ListMembershipStep)p.Step).ListId, ((ListMembershipStep)p.Step).Add)))
        {
            outcomes.AddRange(await ChangeListAsync(client, list.Key.ListId, list.Key.Add, list.ToList(), cancellationToken));
        }

        return outcomes;
    }

    /// <summary>The marker a task carries in its body: one token (letters and digits), so CONTAINS_TOKEN search finds it.</summary>
    public static string MarkerOf(Guid actionId) => $"abmaction{actionId:N}";

    private async Task<ActionOutcome> SendAsync(HubSpotClient client, PendingAction send, long emailId, CancellationToken cancellationToken)
    {
        var contact = send.Context.Contact;
        if (emailId == 0)
        {
            return ActionOutcome.Failed(send, "no transactional email is set (the workspace's nurture settings or Nurture:TransactionalEmailId)", permanent: true);
        }

        if (send.Content is not { } item)
        {
            return ActionOutcome.Failed(send, "the content item no longer exists", permanent: true);
        }

        if (options.Value.CheckSubscriptionBeforeSend && (await client.Email.GetSubscriptionStatusAsync(contact.Email!, cancellationToken)).OptedOut)
        {
            return ActionOutcome.Skipped(send, ConsentReasons.HubSpotSubscriptionOptOut);
        }

        var (token, _) = tokens.Issue(contact.WorkspaceId, contact.HubSpotId);
        var status = await client.Email.SendTransactionalAsync(new TransactionalEmail
        {
            EmailId = emailId,
            To = contact.Email!,
            SendId = send.Action.SendId,
            CustomProperties = new Dictionary<string, string?>
            {
                ["content_title"] = item.Title,
                ["content_type"] = item.ContentType,
                ["content_url"] = item.Url is { Length: > 0 } url ? WithToken(url, token) : null,
                ["content_external_id"] = item.ExternalId,
                [TrackingParameter] = token,
            },
        }, cancellationToken);
        return ActionOutcome.Done(send, status.StatusId);
    }

    private static async Task<List<ActionOutcome>> CreateTasksAsync(HubSpotClient client, List<PendingAction> tasks, CancellationToken cancellationToken)
    {
        var outcomes = new List<ActionOutcome>();
        var toCreate = new List<PendingAction>();
        foreach (var task in tasks)
        {
            if (task.MayHaveRun && await GuardAsync(task, () => FindAsync(client, task, cancellationToken)) is { } found)
            {
                outcomes.Add(found);
                continue;
            }

            toCreate.Add(task);
        }

        foreach (var chunk in toCreate.Chunk(100))
        {
            try
            {
                var result = await client.Tasks.CreateAsync(chunk.Select(ToTaskInput).ToList(), cancellationToken);
                var byMarker = result.Records.ToDictionary(r => MarkerIn(r.Get("hs_task_body")) ?? r.Id, r => r.Id, StringComparer.Ordinal);
                var failed = result.Errors.SelectMany(e => e.InputIndexes.Select(i => (i, e.Message))).ToDictionary(x => x.i, x => x.Message);
                outcomes.AddRange(chunk.Select((task, i) => byMarker.TryGetValue(MarkerOf(task.Action.Id), out var id)
                    ? ActionOutcome.Done(task, id)
                    : ActionOutcome.Failed(task, failed.GetValueOrDefault(i) ?? "HubSpot did not confirm the task")));
            }
            catch (Exception error) when (HubSpotFailure.Is(error))
            {
                outcomes.AddRange(chunk.Select(task => Failure(task, error)));
            }
        }

        return outcomes;
    }

    private static async Task<ActionOutcome?> FindAsync(HubSpotClient client, PendingAction task, CancellationToken cancellationToken)
    {
        var page = await client.Search.SearchAsync("tasks", new CrmSearchRequest
        {
            FilterGroups = [[new CrmSearchFilter("hs_task_body", "CONTAINS_TOKEN", MarkerOf(task.Action.Id))]],
            Properties = ["hs_task_body"],
            Limit = 1,
        }, cancellationToken);
        return page.Results.Count > 0 ? ActionOutcome.Done(task, page.Results[0].Id) : null;
    }

    private static async Task<List<ActionOutcome>> ChangeListAsync(HubSpotClient client, string listId, bool add, List<PendingAction> members, CancellationToken cancellationToken)
    {
        try
        {
            var ids = members.Select(m => m.Context.Contact.HubSpotId).Distinct().ToList();
            await (add ? client.Lists.AddAsync(listId, ids, cancellationToken) : client.Lists.RemoveAsync(listId, ids, cancellationToken));
            return members.Select(m => ActionOutcome.Done(m, listId)).ToList();
        }
        catch (Exception error) when (HubSpotFailure.Is(error))
        {
            return members.Select(m => Failure(m, error)).ToList();
        }
    }

    private static CrmTaskInput ToTaskInput(PendingAction task)
    {
        var step = (CreateTaskStep)task.Step;
        var context = task.Context;
        var owner = step.Owner.Kind switch
        {
            TaskOwnerKind.ContactOwner => context.Contact.OwnerHubSpotId,
            TaskOwnerKind.AccountOwner => context.AccountOwnerId,
            _ => step.Owner.OwnerId,
        };
        var name = string.Join(' ', new[] { context.Contact.FirstName, context.Contact.LastName }.Where(n => !string.IsNullOrWhiteSpace(n)));
        return new CrmTaskInput
        {
            DueAt = new DateTimeOffset(DateTime.SpecifyKind(task.Action.CreatedAt, DateTimeKind.Utc)).AddDays(step.DueInDays),
            Subject = step.Title,
            Body = string.Create(CultureInfo.InvariantCulture,
                $"Nurture step '{step.Id}' for {(name.Length > 0 ? name : context.Contact.Email ?? context.Contact.HubSpotId)}. Ref {MarkerOf(task.Action.Id)}"),
            Priority = step.Priority switch { TaskPriority.High => CrmTaskPriority.High, TaskPriority.Medium => CrmTaskPriority.Medium, _ => CrmTaskPriority.Low },
            Type = CrmTaskType.Todo,
            OwnerId = owner,
            ContactIds = [context.Contact.HubSpotId],
        };
    }

    private static string? MarkerIn(string? body)
    {
        var at = body?.IndexOf("abmaction", StringComparison.Ordinal) ?? -1;
        return at >= 0 && body!.Length >= at + 41 ? body.Substring(at, 41) : null;
    }

    private static string WithToken(string url, string token) =>
        $"{url}{(url.Contains('?', StringComparison.Ordinal) ? '&' : '?')}{TrackingParameter}={Uri.EscapeDataString(token)}";

    /// <summary>Runs one call; a HubSpot failure becomes a failed outcome (permanent for a refusal of the request itself).</summary>
    private static async Task<ActionOutcome?> GuardAsync(PendingAction action, Func<Task<ActionOutcome?>> call)
    {
        try
        {
            return await call();
        }
        catch (Exception error) when (HubSpotFailure.Is(error))
        {
            return Failure(action, error);
        }
    }

    private static ActionOutcome Failure(PendingAction action, Exception error) =>
        ActionOutcome.Failed(action, $"{error.GetType().Name}: {error.Message}",
            permanent: error is HubSpotApiException { StatusCode: HttpStatusCode.BadRequest or HttpStatusCode.NotFound or HttpStatusCode.Forbidden });
}
