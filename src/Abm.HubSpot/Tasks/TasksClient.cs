using System.Globalization;
using System.Text;
using Abm.HubSpot.Crm;

namespace Abm.HubSpot.Tasks;

/// <summary>Creates CRM tasks with their associations, through the objects API's batch create (100 per call).</summary>
public sealed class TasksClient
{
    /// <summary>HubSpot's default association type ids from a task to a contact, a company and a deal.</summary>
    public const int TaskToContact = 204;
    public const int TaskToCompany = 192;
    public const int TaskToDeal = 216;

    private readonly CrmObjectsClient _crm;

    internal TasksClient(CrmObjectsClient crm) => _crm = crm;

    /// <summary>
    /// Creates the tasks in chunks of 100 with their associations. A chunk HubSpot refuses (e.g. an association
    /// to a record that does not exist) is reported in <see cref="CrmBatchResult.Errors"/> and the rest still go.
    /// </summary>
    public Task<CrmBatchResult> CreateAsync(IReadOnlyList<CrmTaskInput> tasks, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        return _crm.BatchCreateAsync(CrmObjectTypes.Tasks, tasks.Select(ToRecordInput).ToList(), cancellationToken);
    }

    private static CrmRecordInput ToRecordInput(CrmTaskInput task)
    {
        var properties = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["hs_timestamp"] = task.DueAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
            ["hs_task_subject"] = task.Subject,
            ["hs_task_status"] = EnumValue(task.Status),
        };
        AddIfSet(properties, "hs_task_body", task.Body);
        AddIfSet(properties, "hs_task_priority", task.Priority is { } priority ? EnumValue(priority) : null);
        AddIfSet(properties, "hs_task_type", task.Type is { } type ? EnumValue(type) : null);
        AddIfSet(properties, "hubspot_owner_id", task.OwnerId);
        var associations = task.ContactIds.Select(id => new CrmAssociationInput(id, TaskToContact))
            .Concat(task.CompanyIds.Select(id => new CrmAssociationInput(id, TaskToCompany)))
            .Concat(task.DealIds.Select(id => new CrmAssociationInput(id, TaskToDeal)))
            .ToList();
        return new CrmRecordInput(properties, associations);
    }

    // Unset optional values are left out rather than sent empty, so HubSpot applies its own defaults.
    private static void AddIfSet(Dictionary<string, string?> properties, string name, string? value)
    {
        if (value is not null)
        {
            properties[name] = value;
        }
    }

    /// <summary>HubSpot spells these enumerations in upper snake case: <c>NotStarted</c> is <c>NOT_STARTED</c>, <c>LinkedIn</c> <c>LINKED_IN</c>.</summary>
    private static string EnumValue<TEnum>(TEnum value)
        where TEnum : struct, Enum
    {
        var name = value.ToString();
        var text = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]))
            {
                text.Append('_');
            }

            text.Append(char.ToUpperInvariant(name[i]));
        }

        return text.ToString();
    }
}
