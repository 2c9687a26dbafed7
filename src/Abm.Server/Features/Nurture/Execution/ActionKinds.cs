using Abm.Engines.Nurture;

namespace Abm.Server.Features.Nurture.Execution;

/// <summary>The action log's kinds and statuses, as stored and as the API shows them.</summary>
internal static class ActionKinds
{
    public const string SendContent = "send_content";
    public const string CreateTask = "create_task";
    public const string UpdateProperty = "update_property";
    public const string AddToList = "add_to_list";
    public const string RemoveFromList = "remove_from_list";

    public static string Of(SequenceStep step) => step switch
    {
        SendContentStep => SendContent,
        CreateTaskStep => CreateTask,
        UpdatePropertyStep => UpdateProperty,
        ListMembershipStep { Add: true } => AddToList,
        ListMembershipStep => RemoveFromList,
        _ => throw new ArgumentOutOfRangeException(nameof(step), step, "Not a step that acts."),
    };
}

internal static class ActionStatus
{
    public const string Pending = "pending";
    public const string Done = "done";
    public const string Skipped = "skipped";
    public const string Failed = "failed";
    public const string Parked = "parked";
}
