using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Abm.HubSpot.Sandbox.Crm;
using Abm.HubSpot.Sandbox.Http;
using Abm.HubSpot.Sandbox.Market.Behaviour;
using Abm.HubSpot.Sandbox.Persistence;

namespace Abm.HubSpot.Sandbox.Email;

internal sealed record SendStatus(string StatusId, string Status, string RequestedAt, string? SendResult = null, string? StartedAt = null, string? CompletedAt = null);

/// <summary>
/// The body both single-send APIs take (transactional v3 and marketing v4): <c>emailId</c>, <c>message.to</c>,
/// optional <c>message.sendId</c>, <c>contactProperties</c> and <c>customProperties</c>; and what accepting one
/// does: the send is recorded in its log and shows up as SENT and DELIVERED email events of <c>emailCampaignId</c>
/// = <c>emailId</c>, then a seeded buyer may react to it (see <see cref="SendReactions"/>). A repeated
/// <c>sendId</c> in the same log sends nothing new.
/// </summary>
internal sealed partial record SingleSendRequest(long EmailId, string To, string? SendId, JsonObject Body)
{
    public static async Task<(SingleSendRequest? Request, IResult? Error)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (body, error) = await JsonBody.ReadObjectAsync(request, cancellationToken);
        if (body is null)
        {
            return (null, error!);
        }

        var emailId = long.TryParse(JsonBody.StringOf(body["emailId"]), out var parsedId) ? parsedId : (long?)null;
        var to = JsonBody.StringOf(body["message"]?["to"]);
        if (emailId is null || to is null || !EmailShape().IsMatch(to))
        {
            return (null, HubSpotErrors.Validation("emailId (a number) and message.to (an email address) are required"));
        }

        return (new SingleSendRequest(emailId.Value, to.ToLowerInvariant(), JsonBody.StringOf(body["message"]?["sendId"]), body), null);
    }

    /// <summary>The earlier send of this sendId in <paramref name="sends"/>, answered as HubSpot answers a repeat; null when new.</summary>
    public IResult? Repeat(IEnumerable<TransactionalSend> sends) =>
        SendId is not null && sends.FirstOrDefault(s => s.SendId == SendId) is { } previous
            ? SandboxJson.Json(new SendStatus(previous.StatusId, "COMPLETE", HubSpotTime.Format(previous.RequestedAt), "IDEMPOTENT_IGNORE"))
            : null;

    /// <summary>Records the send in <paramref name="sends"/> with its SENT and DELIVERED events, lets the buyer react, and answers PENDING.</summary>
    public IResult Accept(WriteContext context, AppendOnlyLog<TransactionalSend> sends, BehaviourEngine behaviour)
    {
        var send = new TransactionalSend(
            Guid.NewGuid().ToString(), EmailId, To, SendId, PropertiesOf(Body["contactProperties"]), PropertiesOf(Body["customProperties"]), context.Now);
        sends.Add(send);
        context.State.EmailEvents.Add(new EmailEvent(Guid.NewGuid().ToString("N"), context.Now, "SENT", send.To, send.EmailId));
        context.State.EmailEvents.Add(new EmailEvent(Guid.NewGuid().ToString("N"), context.Now, "DELIVERED", send.To, send.EmailId));
        behaviour.OnSend(context, send);
        return SandboxJson.Json(new SendStatus(send.StatusId, "PENDING", HubSpotTime.Format(send.RequestedAt)));
    }

    private static Dictionary<string, string?> PropertiesOf(JsonNode? node) =>
        (node as JsonObject ?? []).ToDictionary(p => p.Key, p => JsonBody.StringOf(p.Value), StringComparer.Ordinal);

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailShape();
}
