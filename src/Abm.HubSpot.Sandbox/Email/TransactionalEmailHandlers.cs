using Abm.HubSpot.Sandbox.Auth;
using Abm.HubSpot.Sandbox.Crm;
using Abm.HubSpot.Sandbox.Http;
using Abm.HubSpot.Sandbox.Market.Behaviour;

namespace Abm.HubSpot.Sandbox.Email;

/// <summary>
/// Single-send transactional email. Nothing leaves the machine: sends are recorded (and readable through
/// the admin API) and show up as SENT/DELIVERED email events; a seeded buyer then reacts to it (see
/// <see cref="SendReactions"/>). A repeated <c>sendId</c> sends nothing new.
/// </summary>
internal static class TransactionalEmailHandlers
{
    public static async Task<IResult> SendAsync(HttpContext http, RecordWriter writer, BehaviourEngine behaviour, CancellationToken cancellationToken)
    {
        var (request, error) = await SingleSendRequest.ReadAsync(http.Request, cancellationToken);
        if (request is null)
        {
            return error!;
        }

        return writer.Locked(Caller.Of(http).Portal, context =>
            request.Repeat(context.State.TransactionalSends) ?? request.Accept(context, context.State.TransactionalSends, behaviour));
    }

    public static IResult Status(string statusId, HttpContext http) =>
        Caller.Of(http).Portal.Read(state => state.TransactionalSends.Concat(state.MarketingSends).FirstOrDefault(s => s.StatusId == statusId) is { } send
            ? SandboxJson.Json(new SendStatus(send.StatusId, "COMPLETE", HubSpotTime.Format(send.RequestedAt), "SENT", HubSpotTime.Format(send.RequestedAt), HubSpotTime.Format(send.RequestedAt)))
            : HubSpotErrors.NotFound($"No send with status id {statusId}"));
}
