using Abm.Data;
using Abm.Data.Entities;
using Abm.Engines.Nurture;
using Abm.Server.Features.Nurture.Enrollments;
using Abm.Server.Features.Observability;
using Microsoft.Extensions.Options;

namespace Abm.Server.Features.Leads;

/// <summary>
/// Routes a lead when its priority changes (never again for the same priority): a high-priority lead gets a HIGH
/// priority call task for its owner in <c>sales_tasks</c>, heads the priority queue and is announced on the
/// Slack-compatible webhook when one is configured (<c>Leads:NotifyWebhookUrl</c>); every new priority is
/// offered to nurture's <c>lead_priority</c> triggers (a sequence for low-priority leads enrols them).
/// </summary>
internal sealed class LeadRouting(AbmDbContext database, NurtureTriggers nurture, SlackWebhookPoster poster, IOptions<LeadNotifyOptions> notify, TimeProvider clock)
{
    public static readonly TimeSpan TaskDueAfter = TimeSpan.FromHours(4);

    /// <summary>Adds the tasks of the leads that became high priority to the unit of work the caller saves.</summary>
    public void Plan(IReadOnlyList<(Contact Contact, LeadScore Score)> changed)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var (contact, score) in changed.Where(c => c.Score.Priority == LeadPriorities.High))
        {
            database.SalesTasks.Add(new SalesTask
            {
                Id = Guid.CreateVersion7(),
                WorkspaceId = contact.WorkspaceId,
                ContactId = contact.Id,
                Subject = $"Call {Name(contact)}: lead score {score.Score} ({score.Fit} fit)",
                Body = score.Reasoning,
                Priority = "HIGH",
                TaskType = "CALL",
                OwnerHubSpotId = contact.OwnerHubSpotId,
                DueAt = now + TaskDueAfter,
                CreatedAt = now,
            });
        }
    }

    /// <summary>
    /// After the scores are saved: the notification of each lead that became high priority and nurture's lead-priority
    /// triggers (failures of either are logged, never thrown).
    /// </summary>
    public async Task AfterSaveAsync(IReadOnlyList<(Contact Contact, LeadScore Score)> changed, CancellationToken cancellationToken)
    {
        foreach (var (contact, score) in changed.Where(c => c.Score.Priority == LeadPriorities.High))
        {
            await poster.PostAsync(notify.Value.NotifyWebhookUrl, "lead notification", Notification(contact, score), cancellationToken);
        }

        foreach (var (contact, score) in changed)
        {
            if (NurtureWireNames.TryParseLeadPriority(score.Priority, out var priority))
            {
                await nurture.OnLeadPriorityAsync(contact.Id, priority, cancellationToken);
            }
        }
    }

    /// <summary>The message a high-priority lead is announced with.</summary>
    public static string Notification(Contact contact, LeadScore score) =>
        $"High-priority lead: {Name(contact)}, lead score {score.Score} ({score.Fit} fit), next action {score.NextAction}" +
        (contact.OwnerHubSpotId is { } owner ? $", owner {owner}" : ", no owner") + $". {score.Reasoning}";

    private static string Name(Contact contact) =>
        string.Join(' ', new[] { contact.FirstName, contact.LastName }.Where(n => !string.IsNullOrWhiteSpace(n))) is { Length: > 0 } name ? name : contact.Email ?? contact.HubSpotId;
}
