using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Abm.Engines;
using Abm.Engines.Engagement;
using Abm.HubSpot;
using Abm.HubSpot.Forms;
using Microsoft.Extensions.Options;

namespace Abm.Server.Features.Sync;

/// <summary>
/// Reads the submissions of every form of the portal into <c>form_submission</c> engagement events, matched to the
/// synced contact with the submitted email (ignoring case). HubSpot serves a form's submissions newest first, so
/// each form is read until a page reaches the newest submission the last pull saw, less
/// <see cref="SyncOptions.FormSubmissionOverlapMinutes"/> for submissions HubSpot files late; what is read twice is
/// stored once. Submissions of emails no synced contact has are skipped and counted.
/// </summary>
internal sealed partial class FormSubmissionPull(SyncStates syncStates, PulledEngagementWriter events, IOptions<SyncOptions> options, ILogger<FormSubmissionPull> logger)
{
    /// <summary>The <c>sync_state</c> row holding the newest submission time seen.</summary>
    public const string StateName = "form_submissions";

    private static readonly string EventType = EngagementEventType.FormSubmission.ToWireName();

    public async Task PullAsync(HubSpotClient client, CancellationToken cancellationToken)
    {
        var state = (await syncStates.LoadAsync([StateName], cancellationToken))[StateName];
        var stopBefore = state.IncrementalWatermark?.AddMinutes(-options.Value.FormSubmissionOverlapMinutes);
        var newest = state.IncrementalWatermark;
        var (forms, added, skipped) = (0, 0, 0);
        try
        {
            await foreach (var form in client.Forms.ListAllAsync(cancellationToken))
            {
                forms++;
                var read = await PullFormAsync(client, form, stopBefore, cancellationToken);
                (added, skipped) = (added + read.Added, skipped + read.Skipped);
                newest = PulledEngagementWriter.Later(newest, read.Newest);
            }
        }
        catch (HubSpotApiException error) when (error.StatusCode == HttpStatusCode.Forbidden)
        {
            // Connections made before form submissions were pulled lack the forms scope; the rest of the sync goes on.
            LogMissingScope(error.HubSpotMessage);
            return;
        }

        // Saved only once every form has been read down to the old watermark: pages come newest first, so a watermark
        // saved part-way through would make the next run stop above submissions this one never reached.
        state.IncrementalWatermark = newest;
        await events.SaveAsync(state, cancellationToken);
        LogPulled(forms, added, skipped);
    }

    private async Task<(int Added, int Skipped, DateTime? Newest)> PullFormAsync(HubSpotClient client, HubSpotForm form, DateTime? stopBefore, CancellationToken cancellationToken)
    {
        var (added, skipped) = (0, 0);
        DateTime? newest = null;
        try
        {
            await foreach (var page in client.Forms.ListSubmissionPagesAsync(form.Id, cancellationToken: cancellationToken))
            {
                var dated = page.Results.Where(s => s.SubmittedAt is not null).ToList();
                var contacts = await events.ContactsByEmailAsync(dated.Select(s => s.Email).OfType<string>(), cancellationToken);
                var matched = dated.Where(s => s.Email is { } email && contacts.ContainsKey(email.ToLowerInvariant())).ToList();
                added += await events.AddAsync(
                    matched.Select(s => new PulledEvent(ClientEventId(form.Id, s), contacts[s.Email!.ToLowerInvariant()], EventType, s.SubmittedAt!.Value.UtcDateTime, form.Name)),
                    checkpoint: null, cancellationToken);
                skipped += page.Results.Count - matched.Count;
                newest = PulledEngagementWriter.Later(newest, dated.Max(s => s.SubmittedAt)?.UtcDateTime);
                if (stopBefore is { } stop && dated.Any(s => s.SubmittedAt!.Value.UtcDateTime < stop))
                {
                    break;
                }
            }
        }
        catch (HubSpotApiException error) when (error.StatusCode == HttpStatusCode.NotFound)
        {
            // Deleted between the listing and the read: nothing left to pull.
            LogFormGone(form.Id);
        }

        return (added, skipped, newest);
    }

    // HubSpot form ids are GUIDs, so the id stays well within the column's 100 characters. The email is hashed: the id
    // only has to tell submissions apart, and need not repeat an address the contact row already holds.
    private static string ClientEventId(string formId, FormSubmission submission)
    {
        var emailHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(submission.Email!.ToLowerInvariant())))[..16];
        return string.Create(CultureInfo.InvariantCulture, $"hubspot-form-{formId}-{submission.SubmittedAt!.Value.ToUnixTimeMilliseconds()}-{emailHash}");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Form submissions: {Forms} forms read, {Added} new events, {Skipped} submissions skipped (no synced contact with the submitted email)")]
    private partial void LogPulled(int forms, int added, int skipped);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Form submissions not pulled: the connection lacks the forms scope; reconnect the portal to grant it ({Reason})")]
    private partial void LogMissingScope(string? reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Form {FormId} was gone before its submissions were read")]
    private partial void LogFormGone(string formId);
}
