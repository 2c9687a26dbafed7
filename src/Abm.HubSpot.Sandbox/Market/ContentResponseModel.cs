namespace Abm.HubSpot.Sandbox.Market;

/// <summary>
/// How a buyer reacts to a content item sent to it. Relevance (the hidden 0..3 label) raises every reaction;
/// the meeting chance also grows with the buyer's propensity now and its account's fit; more than
/// <see cref="SendsPerWeekTolerated"/> sends in the last week dampen everything and make unsubscribes likely.
/// Outcomes are drawn from the seed, the contact, the item and the moment, so the same sends give the same world.
/// </summary>
internal sealed class ContentResponseModel(SimulatedMarket market)
{
    /// <summary>Sends in the 7 days before this one that a buyer accepts without tiring.</summary>
    public const int SendsPerWeekTolerated = 2;

    /// <summary>Each send over the tolerance multiplies engagement by this.</summary>
    public const double FatiguePerExtraSend = 0.7;

    /// <summary>
    /// The meeting chance of an irrelevant item (label 0) for an average buyer; each label step multiplies it by
    /// <see cref="MeetingPerLabel"/>. Calibrated so that sending by popularity converts about 8% of buyers in 30 days.
    /// </summary>
    public const double MeetingBase = 0.0027;

    public const double MeetingPerLabel = 2.5;

    public ResponseProbabilities Probabilities(ContactProfile contact, MarketContentItem item, DateTimeOffset at, int sendsInLastWeek)
    {
        var account = market.Buyers.AccountOf(contact);
        var label = RelevanceGrader.Grade(contact, account, item, at);
        var extraSends = Math.Max(0, sendsInLastWeek - SendsPerWeekTolerated);
        var fatigue = Math.Pow(FatiguePerExtraSend, extraSends);
        var open = (0.18 + (0.06 * label)) * fatigue;
        var click = open * (0.12 + (0.12 * label));
        var download = click * (0.35 + (0.15 * label));
        var meeting = MeetingBase * Math.Pow(MeetingPerLabel, label) * (0.4 + (1.2 * contact.PropensityAt(account, at))) * (0.5 + account.Fit) * fatigue;
        return new ResponseProbabilities(open, click, download, Math.Min(meeting, 0.9 * open), UnsubscribeChance(label, sendsInLastWeek));
    }

    /// <summary>
    /// The chance a send makes the buyer unsubscribe: small, higher for irrelevant content (label 0, or an email
    /// carrying no item at all) and growing with every send over the tolerance.
    /// </summary>
    public static double UnsubscribeChance(int label, int sendsInLastWeek)
    {
        var extraSends = Math.Max(0, sendsInLastWeek - SendsPerWeekTolerated);
        return Math.Min(0.002 + (0.03 * extraSends) + (label == 0 ? 0.003 : 0), 0.5);
    }

    /// <summary>The chance that a buyer who opened a send replies to it: rare, and likelier for relevant content (1% to 4%).</summary>
    public static double ReplyChance(int label) => 0.01 + (0.01 * Math.Clamp(label, 0, 3));

    /// <summary>
    /// The chance that a sales task (a call or email from the account's owner) about a buyer ends in a meeting:
    /// a modest nudge, like sending a loosely matched item, scaled by propensity now and fit.
    /// </summary>
    public double TaskMeetingChance(ContactProfile contact, DateTimeOffset at)
    {
        var account = market.Buyers.AccountOf(contact);
        return 0.02 * (0.4 + (1.2 * contact.PropensityAt(account, at))) * (0.5 + account.Fit);
    }

    public ResponseOutcome Respond(ContactProfile contact, MarketContentItem item, DateTimeOffset at, int sendsInLastWeek)
    {
        var chances = Probabilities(contact, item, at, sendsInLastWeek);
        var draw = Draws(contact, item, at);
        var opened = draw(0) < chances.Open;
        var clicked = opened && draw(1) < chances.Click / chances.Open;
        var downloaded = clicked && draw(2) < chances.Download / chances.Click;
        var meeting = opened && draw(3) < chances.Meeting / chances.Open;
        return new ResponseOutcome(opened, clicked, downloaded, meeting, draw(4) < chances.Unsubscribe);
    }

    // Independent uniform draws per reaction, fixed by who got what when.
    private Func<int, double> Draws(ContactProfile contact, MarketContentItem item, DateTimeOffset at)
    {
        var send = MarketSeed.Hash(item.ExternalId) ^ at.UtcTicks;
        return reaction => MarketSeed.Uniform(market.Seed, MarketSeed.Response, contact.ContactId, send + reaction);
    }
}
