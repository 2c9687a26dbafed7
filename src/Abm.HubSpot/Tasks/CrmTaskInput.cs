namespace Abm.HubSpot.Tasks;

/// <summary>HubSpot's task statuses (<c>hs_task_status</c>).</summary>
public enum CrmTaskStatus
{
    NotStarted,
    InProgress,
    Waiting,
    Completed,
    Deferred,
}

/// <summary>HubSpot's task priorities (<c>hs_task_priority</c>).</summary>
public enum CrmTaskPriority
{
    None,
    Low,
    Medium,
    High,
}

/// <summary>HubSpot's task types (<c>hs_task_type</c>).</summary>
public enum CrmTaskType
{
    Email,
    Call,
    Todo,
    LinkedIn,
}

/// <summary>
/// A task to create, e.g. a follow-up for a sales owner. <see cref="DueAt"/> becomes <c>hs_timestamp</c>,
/// which HubSpot requires; <see cref="OwnerId"/> is an owner's <c>id</c>, never its <c>userId</c>. The task is
/// associated with every listed contact, company and deal.
/// </summary>
public sealed record CrmTaskInput
{
    public required DateTimeOffset DueAt { get; init; }

    public required string Subject { get; init; }

    public string? Body { get; init; }

    public CrmTaskStatus Status { get; init; } = CrmTaskStatus.NotStarted;

    public CrmTaskPriority? Priority { get; init; }

    public CrmTaskType? Type { get; init; }

    public string? OwnerId { get; init; }

    public IReadOnlyList<string> ContactIds { get; init; } = [];

    public IReadOnlyList<string> CompanyIds { get; init; } = [];

    public IReadOnlyList<string> DealIds { get; init; } = [];
}
