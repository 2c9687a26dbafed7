using Abm.HubSpot.Sandbox.Crm;
using Abm.HubSpot.Sandbox.Email;

namespace Abm.HubSpot.Sandbox.Market.Behaviour;

/// <summary>
/// What a seeded buyer does with a transactional email: <see cref="ContentResponseModel"/> decides at the moment
/// of sending, from the item's hidden relevance, the buyer's propensity and fit and the sends of the week before;
/// the reactions then happen over the following hours and days. Opens and clicks appear as email events of the
/// send's email id, the visit and download that follow a click as site events (carrying the link's tracking
/// token), a meeting as a CRM meeting, a reply as the contact's <c>hs_sales_email_last_replied</c>. An email without a recognisable item only counts towards fatigue and
/// may make the buyer unsubscribe. Newcomers the market does not know ignore sends.
/// </summary>
internal static class SendReactions
{
    public static void Schedule(WriteContext context, BehaviourState behaviour, TransactionalSend send)
    {
        var market = context.State.Market;
        if (context.Store(CrmObjectTypes.Contacts).FindByEmail(send.To) is not { } record || !market.Buyers.Contacts.TryGetValue(record.Id, out var buyer))
        {
            return;
        }

        var now = context.Now;
        var previous = behaviour.SendsInWeekBefore(buyer.ContactId, now);
        if (!behaviour.SendTimes.TryGetValue(buyer.ContactId, out var times))
        {
            times = [];
            behaviour.SendTimes[buyer.ContactId] = times;
        }

        times.Add(now);
        var content = SendContent.Read(send, market.Catalogue);
        var draw = Draws(market.Seed, buyer.ContactId, now, content?.Item.ExternalId ?? send.StatusId);
        if (behaviour.Unsubscribed.Contains(buyer.ContactId))
        {
            behaviour.Sends.Add(new SendRecord(send.StatusId, buyer.ContactId, content?.Item.ExternalId, now, null, previous, false, false, false, false, false));
            return;
        }

        if (content is null)
        {
            var unsubscribes = draw(0) < ContentResponseModel.UnsubscribeChance(0, previous);
            Unsubscribe(behaviour, buyer.ContactId, send, now.AddHours(1 + (23 * draw(1))), unsubscribes);
            behaviour.Sends.Add(new SendRecord(send.StatusId, buyer.ContactId, null, now, null, previous, false, false, false, false, unsubscribes));
            return;
        }

        var item = content.Item;
        var outcome = new ContentResponseModel(market).Respond(buyer, item, now, previous);
        var label = market.Relevance(buyer.ContactId, item, now);
        behaviour.Sends.Add(new SendRecord(
            send.StatusId, buyer.ContactId, item.ExternalId, now, label, previous, outcome.Opened, outcome.Clicked, outcome.Downloaded, outcome.BookedMeeting, outcome.Unsubscribed));

        var openedAt = now.AddMinutes(5 + (1795 * draw(10)));
        if (outcome.Opened)
        {
            behaviour.Schedule(new Happening(openedAt, HappeningKind.EmailOpen, buyer.ContactId, HappeningCause.Send, item, send.EmailId));
        }

        if (outcome.Clicked)
        {
            var clickedAt = openedAt.AddSeconds(10 + (590 * draw(11)));
            behaviour.Schedule(new Happening(clickedAt, HappeningKind.EmailClick, buyer.ContactId, HappeningCause.Send, item, send.EmailId, content.Link));
            var seconds = Math.Max(5, (int)(item.DurationMinutes * 60 * (0.1 + (0.25 * (label ?? 0)))));
            behaviour.Schedule(new Happening(clickedAt.AddSeconds(3), HappeningKind.Visit, buyer.ContactId, HappeningCause.Send, item, send.EmailId, content.Link, seconds, content.TrackingToken));
            if (outcome.Downloaded)
            {
                behaviour.Schedule(new Happening(clickedAt.AddSeconds(60 + (540 * draw(12))), HappeningKind.Download, buyer.ContactId, HappeningCause.Send, item, send.EmailId, content.Link, 0, content.TrackingToken));
            }
        }

        // A reply is drawn apart from the model's outcomes (its own draw), so adding it changed none of them.
        if (outcome.Opened && draw(15) < ContentResponseModel.ReplyChance(label ?? 0))
        {
            behaviour.Schedule(new Happening(openedAt.AddMinutes(2 + (240 * draw(16))), HappeningKind.Reply, buyer.ContactId, HappeningCause.Send, item, send.EmailId));
        }

        if (outcome.BookedMeeting)
        {
            behaviour.Schedule(new Happening(openedAt.AddHours(1 + (71 * draw(13))), HappeningKind.Meeting, buyer.ContactId, HappeningCause.Send, item, send.EmailId));
        }

        Unsubscribe(behaviour, buyer.ContactId, send, (outcome.Opened ? openedAt : now).AddMinutes(1 + (600 * draw(14))), outcome.Unsubscribed);
    }

    private static void Unsubscribe(BehaviourState behaviour, long contactId, TransactionalSend send, DateTimeOffset at, bool unsubscribes)
    {
        if (unsubscribes)
        {
            behaviour.Schedule(new Happening(at, HappeningKind.Unsubscribe, contactId, HappeningCause.Send, SourceId: send.EmailId));
        }
    }

    // Timing draws, fixed like the outcome by who got what when; offsets 10+ stay clear of the model's own draws.
    private static Func<int, double> Draws(int seed, long contactId, DateTimeOffset at, string what)
    {
        var send = MarketSeed.Hash(what) ^ at.UtcTicks;
        return k => MarketSeed.Uniform(seed, MarketSeed.Response, contactId, send + 1000 + k);
    }
}
