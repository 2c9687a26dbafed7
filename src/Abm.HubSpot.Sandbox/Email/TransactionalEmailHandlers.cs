using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Abm.HubSpot.Sandbox.Auth;
using Abm.HubSpot.Sandbox.Crm;
using Abm.HubSpot.Sandbox.Http;
using Abm.HubSpot.Sandbox.Market.Behaviour;

namespace Abm.HubSpot.Sandbox.Email;

internal sealed record SendStatus(string StatusId, string Status, string RequestedAt, string? SendResult = null, string? StartedAt = null, string? CompletedAt = null);

/// <summary>
/// Single-send transactional email. Nothing leaves the machine: sends are recorded (and readable through
/// the admin API) and show up as SENT/DELIVERED email events; a seeded buyer then reacts to it (see
/// <see cref="SendReactions"/>). A repeated <c>sendId</c> sends nothing new.
/// </summary>
internal static partial class TransactionalEmailHandlers
{
    public static async Task<IResult> SendAsync(HttpContext http, RecordWriter writer, BehaviourEngine behaviour, CancellationToken cancellationToken)
    {
        var (body, error) = await JsonBody.ReadObjectAsync(http.Request, cancellationToken);
        if (body is null)
        {
            return error!;
        }

        var emailId = long.TryParse(JsonBody.StringOf(body["emailId"]), out var parsedId) ? parsedId : (long?)null;
        var to = JsonBody.StringOf(body["message"]?["to"]);
        if (emailId is null || to is null || !EmailShape().IsMatch(to))
        {
            return HubSpotErrors.Validation("emailId (a number) and message.to (an email address) are required");
        }

        var sendId = JsonBody.StringOf(body["message"]?["sendId"]);
        return writer.Locked(Caller.Of(http).Portal, context =>
        {
            var sends = context.State.TransactionalSends;
            if (sendId is not null && sends.FirstOrDefault(s => s.SendId == sendId) is { } previous)
            {
                return SandboxJson.Json(new SendStatus(previous.StatusId, "COMPLETE", HubSpotTime.Format(previous.RequestedAt), "IDEMPOTENT_IGNORE"));
            }

            var send = new TransactionalSend(
                Guid.NewGuid().ToString(), emailId.Value, to.ToLowerInvariant(), sendId,
                PropertiesOf(body["contactProperties"]), PropertiesOf(body["customProperties"]), context.Now);
            sends.Add(send);
            context.State.EmailEvents.Add(new EmailEvent(Guid.NewGuid().ToString("N"), context.Now, "SENT", send.To, send.EmailId));
            context.State.EmailEvents.Add(new EmailEvent(Guid.NewGuid().ToString("N"), context.Now, "DELIVERED", send.To, send.EmailId));
            behaviour.OnSend(context, send);
            return SandboxJson.Json(new SendStatus(send.StatusId, "PENDING", HubSpotTime.Format(send.RequestedAt)));
        });
    }

    public static IResult Status(string statusId, HttpContext http) =>
        Caller.Of(http).Portal.Read(state => state.TransactionalSends.FirstOrDefault(s => s.StatusId == statusId) is { } send
            ? SandboxJson.Json(new SendStatus(send.StatusId, "COMPLETE", HubSpotTime.Format(send.RequestedAt), "SENT", HubSpotTime.Format(send.RequestedAt), HubSpotTime.Format(send.RequestedAt)))
            : HubSpotErrors.NotFound($"No send with status id {statusId}"));

    private static Dictionary<string, string?> PropertiesOf(JsonNode? node) =>
        (node as JsonObject ?? []).ToDictionary(p => p.Key, p => JsonBody.StringOf(p.Value), StringComparer.Ordinal);

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailShape();
}
