using Abm.Data;
using Abm.Data.Entities;
using Abm.Engines.Nurture;
using Abm.Server.Features.Nurture.Enrollments;

namespace Abm.Server.Features.Leads;

/// <summary>
/// Routes a lead when its priority changes (never again for the same priority): a high-priority lead gets a HIGH
/// priority call task for its owner in <c>sales_tasks</c> and heads the priority queue; every new priority is
/// offered to nurture's <c>lead_priority</c> triggers (a sequence for low-priority leads enrols them).
/// </summary>
internal sealed class LeadRouting(AbmDbContext database, NurtureTriggers nurture, TimeProvider clock)
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

    /// <summary>After the scores are saved: nurture's lead-priority triggers (failures are logged there, never thrown).</summary>
    public async Task AfterSaveAsync(IReadOnlyList<(Contact Contact, LeadScore Score)> changed, CancellationToken cancellationToken)
    {
        foreach (var (contact, score) in changed)
        {
            if (NurtureWireNames.TryParseLeadPriority(score.Priority, out var priority))
            {
                await nurture.OnLeadPriorityAsync(contact.Id, priority, cancellationToken);
            }
        }
    }

    private static string Name(Contact contact) =>
        string.Join(' ', new[] { contact.FirstName, contact.LastName }.Where(n => !string.IsNullOrWhiteSpace(n))) is { Length: > 0 } name ? name : contact.Email ?? contact.HubSpotId;
}
