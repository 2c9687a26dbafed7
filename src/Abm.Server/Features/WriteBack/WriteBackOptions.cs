using System.ComponentModel.DataAnnotations;

namespace Abm.Server.Features.WriteBack;

internal sealed class WriteBackOptions
{
    public const string Section = "WriteBack";

    /// <summary>How often the worker looks for due outbox rows.</summary>
    [Range(1, 3600, ErrorMessage = "WriteBack:IntervalSeconds must be between 1 and 3600.")]
    public int IntervalSeconds { get; set; } = 10;

    /// <summary>Longest wait between attempts for a record HubSpot keeps refusing; records are never dropped for it.</summary>
    [Range(1, 1440, ErrorMessage = "WriteBack:MaxBackoffMinutes must be between 1 and 1440.")]
    public int MaxBackoffMinutes { get; set; } = 60;

    /// <summary>How long sent, dropped and superseded rows are kept; each record's newest sent row is kept regardless.</summary>
    [Range(1, 3650, ErrorMessage = "WriteBack:HistoryDays must be between 1 and 3650.")]
    public int HistoryDays { get; set; } = 30;
}
