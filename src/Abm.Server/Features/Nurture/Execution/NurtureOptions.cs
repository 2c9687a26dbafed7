using System.ComponentModel.DataAnnotations;

namespace Abm.Server.Features.Nurture.Execution;

internal sealed class NurtureOptions
{
    public const string Section = "Nurture";

    /// <summary>How often the worker looks for due enrolments (0: never; `abm nurture run --once` still runs them).</summary>
    [Range(0, 3600, ErrorMessage = "Nurture:IntervalSeconds must be between 0 and 3600.")]
    public int IntervalSeconds { get; set; } = 15;

    /// <summary>
    /// Enrolments claimed per batch: task and list calls carry up to 100 records each, emails go one call each. A
    /// batch's database work has a fixed part (the claim, the facts' queries, two transactions), so bigger batches
    /// keep the database ahead of the rate limit for tasks; a batch of emails takes BatchSize / 9.5 seconds at the
    /// Professional limit, well inside the default claim period.
    /// </summary>
    [Range(1, 2000, ErrorMessage = "Nurture:BatchSize must be between 1 and 2000.")]
    public int BatchSize { get; set; } = 500;

    /// <summary>How long a claimed enrolment stays invisible to other claims; a crashed instance's batch is picked up again after it.</summary>
    [Range(10, 3600, ErrorMessage = "Nurture:ClaimSeconds must be between 10 and 3600.")]
    public int ClaimSeconds { get; set; } = 300;

    /// <summary>
    /// The HubSpot transactional email (its id) that carries nurture content; its custom tokens receive the item's
    /// title, link (with the contact's tracking token) and content type. 0: not set, and sends are parked saying so.
    /// </summary>
    [Range(0, long.MaxValue, ErrorMessage = "Nurture:TransactionalEmailId must be a HubSpot email id (0: not set).")]
    public long TransactionalEmailId { get; set; }

    /// <summary>Tries of one action before it is parked (the enrolment then continues, or stops if its sequence says so).</summary>
    [Range(1, 50, ErrorMessage = "Nurture:MaxAttempts must be between 1 and 50.")]
    public int MaxAttempts { get; set; } = 6;

    /// <summary>Longest wait between tries of a failing action; the wait doubles from 30 seconds up to it.</summary>
    [Range(1, 1440, ErrorMessage = "Nurture:MaxBackoffMinutes must be between 1 and 1440.")]
    public int MaxBackoffMinutes { get; set; } = 60;

    /// <summary>Ask HubSpot for the contact's subscription status right before each email (one extra call per send).</summary>
    public bool CheckSubscriptionBeforeSend { get; set; } = true;
}
