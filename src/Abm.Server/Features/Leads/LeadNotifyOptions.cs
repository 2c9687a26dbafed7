using System.ComponentModel.DataAnnotations;

namespace Abm.Server.Features.Leads;

/// <summary>Where a lead that becomes high priority is announced (configuration section <c>Leads</c>).</summary>
internal sealed class LeadNotifyOptions
{
    /// <summary>
    /// A Slack-compatible incoming-webhook URL (<c>Leads__NotifyWebhookUrl</c>, or <c>LEADS_SLACK_WEBHOOK_URL</c>) that
    /// gets a message when a lead becomes high priority; none when empty. It carries its own secret: never logged.
    /// </summary>
    [Url]
    public string? NotifyWebhookUrl { get; set; }
}
