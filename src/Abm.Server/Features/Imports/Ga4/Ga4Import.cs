using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Abm.Data;
using Abm.Server.Features.Content;
using Abm.Server.Features.Events;
using Abm.Server.Features.Privacy;
using Abm.Server.Features.Tracking;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Features.Imports.Ga4;

/// <summary>
/// Imports GA4 BigQuery export rows as engagement events through the event intake (the same checks, idempotency
/// and rescoring as the event API), 1,000 rows at a time. A first pass learns which contact each browser named;
/// the second matches and imports. Each row's client event id is a hash of the row, so importing again adds nothing.
/// </summary>
internal sealed class Ga4Import(AbmDbContext database, EventIntake intake, TrackingTokens tokens)
{
    public const string Source = "ga4";
    private const int MaxLineChars = 1_000_000;
    private const int MaxUrlChars = 1000;

    private sealed record Pending(string File, int Line, Ga4Row Row, Ga4Identity Identity, IncomingEvent Event);

    public async Task<Ga4ImportReport> ImportAsync(
        IReadOnlyList<Ga4Source> sources, Guid workspaceId, IProgress<Ga4ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var identities = new Ga4IdentityReader(tokens, workspaceId);
        foreach (var source in sources)
        {
            await foreach (var (_, line) in LinesAsync(source, cancellationToken))
            {
                if (Ga4Row.Parse(line).Row is { } row && Ga4EventTypes.Of(row.EventName) is not null)
                {
                    identities.Learn(row);
                }
            }
        }

        var items = await ContentItemsByUrl.LoadAsync(database, cancellationToken);
        var withdrawn = (await database.ContactSuppressions.Where(s => s.Purpose == ConsentPurposes.Tracking).Select(s => s.ContactId)
            .ToListAsync(cancellationToken)).ToHashSet();
        var tally = new Ga4ImportTally { Files = sources.Count };
        foreach (var source in sources)
        {
            var batch = new List<Pending>();
            await foreach (var (number, line) in LinesAsync(source, cancellationToken))
            {
                tally.Read();
                if (Prepare(source.Name, number, line, identities, items, tally) is { } pending)
                {
                    batch.Add(pending);
                }

                if (batch.Count == EventBatchRequest.MaxEvents)
                {
                    await SendAsync(batch, workspaceId, withdrawn, tally, cancellationToken);
                    progress?.Report(tally.Progress(source.Name));
                }
            }

            await SendAsync(batch, workspaceId, withdrawn, tally, cancellationToken);
            progress?.Report(tally.Progress(source.Name));
        }

        return tally.Report();
    }

    private static Pending? Prepare(string file, int number, string line, Ga4IdentityReader identities, Dictionary<string, Guid> items, Ga4ImportTally tally)
    {
        if (line.Length > MaxLineChars)
        {
            tally.Reject(file, number, [$"The line is longer than {MaxLineChars} characters."]);
            return null;
        }

        var (row, error) = Ga4Row.Parse(line);
        if (row is null)
        {
            tally.Reject(file, number, [error!]);
            return null;
        }

        if (Ga4EventTypes.Of(row.EventName) is not { } type)
        {
            tally.Skip(row.EventName);
            return null;
        }

        var (identity, unmatched) = identities.Read(row);
        if (identity is not { } who)
        {
            tally.Unmatch(file, number, unmatched!);
            return null;
        }

        var contentId = items.Find(Ga4EventTypes.ContentLink(row));
        return new Pending(file, number, row, who, new IncomingEvent(
            ClientEventId(row), type, row.OccurredAt, who.HubSpotId, who.Email, contentId, null, Metadata(row)));
    }

    private async Task SendAsync(List<Pending> batch, Guid workspaceId, HashSet<Guid> withdrawn, Ga4ImportTally tally, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return;
        }

        // The intake would refuse an unknown contact too; looking first lets the report count it as unmatched, not bad.
        var lookups = await EventLookups.LoadAsync(database, [.. batch.Select(p => p.Event)], cancellationToken);
        var matched = new List<Pending>();
        foreach (var pending in batch)
        {
            var contact = lookups.FindContact(pending.Event);
            if (contact is null)
            {
                tally.Unmatch(pending.File, pending.Line, Ga4Unmatched.UnknownContact);
            }
            else if (withdrawn.Contains(contact.Id))
            {
                tally.Unmatch(pending.File, pending.Line, Ga4Unmatched.TrackingWithdrawn);
            }
            else
            {
                matched.Add(pending with { Event = pending.Event with { ContactHubSpotId = contact.HubSpotId, ContactEmail = null } });
            }
        }

        batch.Clear();
        if (matched.Count == 0)
        {
            return;
        }

        var response = await intake.IngestAsync(workspaceId, [.. matched.Select(m => m.Event)], Source, cancellationToken);
        foreach (var result in response.Results)
        {
            var pending = matched[result.Index];
            switch (result.Status)
            {
                case EventOutcome.Accepted:
                    tally.Import(pending.Event.ContentId is not null);
                    break;
                case EventOutcome.Duplicate:
                    tally.Duplicate();
                    break;
                default:
                    tally.Reject(pending.File, pending.Line, result.Errors ?? []);
                    break;
            }
        }
    }

    /// <summary>Stable across imports of the same row: the browser, the moment to the microsecond, the event and what it was about.</summary>
    public static string ClientEventId(Ga4Row row)
    {
        var key = string.Join('\n', row.UserPseudoId, row.UserId, row.OccurredAt.UtcTicks, row.EventName, row.PageLocation, row.LinkUrl, row.PercentScrolled, row.FormId);
        return $"ga4-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..40]}";
    }

    /// <summary>What the event was about, without the page's query: it may carry a contact's tracking token.</summary>
    private static JsonElement Metadata(Ga4Row row) => JsonSerializer.SerializeToElement(new Dictionary<string, object?>
    {
        ["ga4Event"] = row.EventName,
        ["page"] = Clip(WithoutQuery(row.PageLocation), MaxUrlChars),
        ["title"] = Clip(row.PageTitle, 300),
        ["file"] = Clip(row.FileName ?? WithoutQuery(row.LinkUrl), MaxUrlChars),
        ["percentScrolled"] = row.PercentScrolled,
        ["formId"] = Clip(row.FormId, 200),
    }.Where(p => p.Value is not null).ToDictionary());

    private static string? WithoutQuery(string? url) =>
        url is null ? null : Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.GetLeftPart(UriPartial.Path) : url.Split('?', '#')[0];

    private static string? Clip(string? text, int length) => text is { } t && t.Length > length ? t[..length] : text;

    private static async IAsyncEnumerable<(int Number, string Line)> LinesAsync(
        Ga4Source source, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(source.Open(), Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: source.LeaveOpen);
        var number = 0;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            number++;
            if (!string.IsNullOrWhiteSpace(line))
            {
                yield return (number, line);
            }
        }
    }
}
