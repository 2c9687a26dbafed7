using Abm.Data;
using Abm.Data.Entities;
using Abm.HubSpot;
using Abm.HubSpot.Email;
using Abm.Server.Features.Nurture;
using Abm.Server.Features.Nurture.Execution;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Features.Privacy;

/// <summary>The purposes consent is asked for.</summary>
internal static class ConsentPurposes
{
    public const string Email = "email";
    public const string Tracking = "tracking";
    public const string Profiling = "profiling";
}

/// <summary>Whether one purpose is allowed, and when not, why.</summary>
internal sealed record ConsentDecision(bool Allowed, string? Reason);

/// <summary>
/// The consent answer for one contact, whether the workspace asks for the tracking snippet's consent signal, and, when
/// the answer was asked with the portal at hand, HubSpot's live email subscription statuses.
/// </summary>
internal sealed record ConsentAnswer(
    ConsentDecision Email, ConsentDecision Tracking, ConsentDecision Profiling, bool TrackingRequiresConsent, EmailSubscriptions? EmailSubscriptions = null);

/// <summary>
/// HubSpot's subscription statuses of the contact's address, read live (an unsubscribe can be newer than the last
/// sync, and a subscription type's opt-out never shows in <c>hs_email_optout</c>); <see cref="Checked"/> false, with
/// <see cref="Problem"/>, when HubSpot could not be asked, and the email answer then rests on the synced record alone.
/// </summary>
internal sealed record EmailSubscriptions(bool Checked, IReadOnlyList<SubscriptionStatus> Statuses, string? Problem);

/// <summary>
/// The one place that answers "may we email / track / profile this contact". Email needs an address, HubSpot's
/// <c>hs_email_optout</c> (synced into the contact's properties) not true, and no local suppression; tracking and
/// profiling need no local suppression, and a tracked visit needs the snippet's consent signal when the workspace
/// requires it. Nurture asks before each email step, tracking before recording a visit. The scope's workspace must be set.
/// </summary>
internal sealed class ContactConsent(AbmDbContext database)
{
    // Per scope (a nurture batch, a request): suppressions are few, and a batch asks for hundreds of contacts.
    private readonly Dictionary<string, HashSet<Guid>> _suppressed = new(StringComparer.Ordinal);

    public async Task<ConsentAnswer> AnswerAsync(Contact contact, CancellationToken cancellationToken)
    {
        var rows = await database.ContactSuppressions.AsNoTracking().Where(s => s.ContactId == contact.Id).ToListAsync(cancellationToken);
        var requiresSignal = await database.Workspaces.Where(w => w.Id == contact.WorkspaceId).Select(w => w.TrackingRequiresConsent).SingleAsync(cancellationToken);
        ConsentDecision Local(string purpose) => rows.FirstOrDefault(r => r.Purpose == purpose) is { } row
            ? new ConsentDecision(false, Suppressed(purpose, row.Reason))
            : new ConsentDecision(true, null);
        var email = HubSpotEmailRefusal(contact) is { } refusal ? new ConsentDecision(false, refusal) : Local(ConsentPurposes.Email);
        return new ConsentAnswer(email, Local(ConsentPurposes.Tracking), Local(ConsentPurposes.Profiling), requiresSignal);
    }

    /// <summary>
    /// The answer with HubSpot's live subscription statuses when the workspace is connected (<paramref name="client"/>)
    /// and the contact has an address: email is refused when HubSpot says the address opted out of all email or of every
    /// subscription type it has.
    /// </summary>
    public async Task<ConsentAnswer> AnswerAsync(Contact contact, HubSpotClient? client, CancellationToken cancellationToken)
    {
        var answer = await AnswerAsync(contact, cancellationToken);
        if (client is null || string.IsNullOrWhiteSpace(contact.Email))
        {
            return answer;
        }

        try
        {
            var statuses = await client.Email.GetSubscriptionStatusAsync(contact.Email, cancellationToken);
            var read = new EmailSubscriptions(true, statuses.Subscriptions, null);
            return statuses.OptedOut && answer.Email.Allowed
                ? answer with { Email = new ConsentDecision(false, ConsentReasons.HubSpotSubscriptionOptOut), EmailSubscriptions = read }
                : answer with { EmailSubscriptions = read };
        }
        catch (Exception error) when (HubSpotFailure.Is(error))
        {
            return answer with
            {
                EmailSubscriptions = new EmailSubscriptions(false, [], $"HubSpot's subscription status could not be read ({error.Message}); the email answer rests on the last sync"),
            };
        }
    }

    /// <summary>Why the contact may not be emailed (the reason a skipped nurture step records), or null when it may.</summary>
    public async Task<string?> EmailRefusalAsync(Contact contact, CancellationToken cancellationToken) =>
        HubSpotEmailRefusal(contact) ?? (await IsSuppressedAsync(contact.Id, ConsentPurposes.Email, cancellationToken) ? Suppressed(ConsentPurposes.Email, null) : null);

    /// <summary>Why a tracked event of the contact (by HubSpot id) may not be recorded, or null when it may.</summary>
    public async Task<string?> TrackingRefusalAsync(Guid workspaceId, string contactHubSpotId, bool consentSignal, CancellationToken cancellationToken)
    {
        if (!consentSignal && await database.Workspaces.Where(w => w.Id == workspaceId).Select(w => w.TrackingRequiresConsent).SingleOrDefaultAsync(cancellationToken))
        {
            return "the workspace requires the visitor's consent signal, and the event came without it";
        }

        var suppressed = await database.ContactSuppressions.AnyAsync(
            s => s.Purpose == ConsentPurposes.Tracking && database.Contacts.Any(c => c.Id == s.ContactId && c.HubSpotId == contactHubSpotId), cancellationToken);
        return suppressed ? Suppressed(ConsentPurposes.Tracking, null) : null;
    }

    private async Task<bool> IsSuppressedAsync(Guid contactId, string purpose, CancellationToken cancellationToken)
    {
        if (!_suppressed.TryGetValue(purpose, out var ids))
        {
            _suppressed[purpose] = ids = [.. await database.ContactSuppressions.Where(s => s.Purpose == purpose).Select(s => s.ContactId).ToListAsync(cancellationToken)];
        }

        return ids.Contains(contactId);
    }

    // The wording nurture has always recorded: a skip that starts with "unsubscribed" ends a sequence with an unsubscribe goal.
    private static string? HubSpotEmailRefusal(Contact contact) =>
        string.IsNullOrWhiteSpace(contact.Email) ? "consent: the contact has no email address"
        : EmailConsent.OptedOut(contact.Properties) ? $"{ConsentReasons.Unsubscribed}: the contact opted out of email (hs_email_optout)"
        : null;

    private static string Suppressed(string purpose, string? reason) =>
        $"consent: {purpose} withdrawn for this contact here{(string.IsNullOrWhiteSpace(reason) ? "" : $" ({reason})")}";
}
