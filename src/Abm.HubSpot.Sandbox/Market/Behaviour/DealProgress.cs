using System.Globalization;
using Abm.HubSpot.Sandbox.Associations;
using Abm.HubSpot.Sandbox.Crm;
using Abm.HubSpot.Sandbox.Http;
using Abm.HubSpot.Sandbox.Properties;

namespace Abm.HubSpot.Sandbox.Market.Behaviour;

/// <summary>
/// Once a simulated day, every account's open deals may move a stage on, stall out (lost) or close; accounts
/// deep in their journey, above all those whose buyers met sales lately, open new deals. Fit, the committee's
/// momentum and recent meetings speed deals up and tip the close towards won. A won deal makes the account a
/// customer: its hidden stage becomes post-purchase expansion.
/// </summary>
internal sealed class DealProgress(RecordWriter writer)
{
    private const int MeetingWindowDays = 30;

    // The default pipeline in order; a deal leaves the last open stage by closing.
    private static readonly string[] OpenStages = DefaultPropertyCatalog.DealStages[..^2];

    public void Advance(WriteContext context, BehaviourState behaviour)
    {
        var market = context.State.Market;
        var dayIndex = context.Now.UtcTicks / TimeSpan.TicksPerDay;
        foreach (var account in market.Buyers.Accounts.Values.OrderBy(a => a.CompanyId))
        {
            if (context.Store(CrmObjectTypes.Companies).FindActive(account.CompanyId) is not { } company)
            {
                continue;
            }

            var random = MarketSeed.For(context.State.Seed, MarketSeed.Deals, account.CompanyId ^ (dayIndex << 40));
            var meetings = Math.Min(3, behaviour.MeetingsSince(account.CompanyId, context.Now.AddDays(-MeetingWindowDays)));
            var open = context.State.ActiveLinks(CrmObjectTypes.Companies, account.CompanyId, CrmObjectTypes.Deals)
                .Select(l => context.Store(CrmObjectTypes.Deals).FindActive(l.ToId))
                .OfType<CrmRecord>()
                .Where(d => Array.IndexOf(OpenStages, d.Get("dealstage")) >= 0)
                .DistinctBy(d => d.Id)
                .OrderBy(d => d.Id)
                .ToList();
            foreach (var deal in open)
            {
                Move(context, behaviour, account, company, deal, meetings, random);
            }

            var purchased = account.StagePositionAt(context.Now) >= 4;
            var opening = 0.002 + (0.03 * meetings * account.Fit);
            if (open.Count == 0 && !purchased && account.StagePositionAt(context.Now) >= 1.5 && random.NextDouble() < opening)
            {
                OpenDeal(context, company, random);
            }
        }
    }

    private void Move(WriteContext context, BehaviourState behaviour, AccountProfile account, CrmRecord company, CrmRecord deal, int meetings, Random random)
    {
        var pace = 0.035 * (0.5 + account.Fit) * (0.6 + account.Momentum) * (1 + (0.5 * meetings));
        var stall = 0.003 * (1.5 - account.Fit);
        var roll = random.NextDouble();
        if (roll < stall)
        {
            Close(context, behaviour, account, company, deal, won: false);
        }
        else if (roll < stall + pace)
        {
            var next = Array.IndexOf(OpenStages, deal.Get("dealstage")) + 1;
            if (next < OpenStages.Length)
            {
                writer.Update(context, deal, new Dictionary<string, string?> { ["dealstage"] = OpenStages[next] });
            }
            else
            {
                var winChance = Math.Clamp(0.15 + (0.45 * account.Fit) + (0.2 * account.Momentum) + (0.07 * meetings), 0.05, 0.9);
                Close(context, behaviour, account, company, deal, won: random.NextDouble() < winChance);
            }
        }
    }

    private void Close(WriteContext context, BehaviourState behaviour, AccountProfile account, CrmRecord company, CrmRecord deal, bool won)
    {
        writer.Update(context, deal, new Dictionary<string, string?>
        {
            ["dealstage"] = won ? "closedwon" : "closedlost",
            ["closedate"] = HubSpotTime.Format(context.Now),
        });
        if (!behaviour.Outcomes.TryGetValue(account.CompanyId, out var outcomes))
        {
            outcomes = [];
            behaviour.Outcomes[account.CompanyId] = outcomes;
        }

        outcomes.Add(new DealOutcome(deal.Id, won, context.Now));
        if (won)
        {
            account.PurchasedAt ??= context.Now;
            Lifecycle.MoveForward(writer, context, company, "customer");
        }
    }

    private void OpenDeal(WriteContext context, CrmRecord company, Random random)
    {
        var employees = int.TryParse(company.Get("numberofemployees"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var count) ? count : 100;
        var amount = Math.Round(Math.Clamp(employees * 0.4m, 50m, 5_000m) * (decimal)(0.7 + (0.6 * random.NextDouble()))) * 100;
        var values = new Dictionary<string, string?>
        {
            ["dealname"] = $"{company.Get("name")} - New opportunity",
            ["amount"] = amount.ToString(CultureInfo.InvariantCulture),
            ["dealstage"] = OpenStages[0],
            ["pipeline"] = "default",
            ["closedate"] = HubSpotTime.Format(context.Now.AddDays(90)),
            ["dealtype"] = "newbusiness",
            ["hubspot_owner_id"] = company.Get("hubspot_owner_id"),
        };
        var (deal, _) = writer.Create(context, CrmObjectTypes.Deals, values, []);
        if (deal is not null)
        {
            writer.Associate(context, CrmObjectTypes.Deals, deal.Id, CrmObjectTypes.Companies, company.Id, AssociationKinds.FindById(5)!);
            writer.Associate(context, CrmObjectTypes.Deals, deal.Id, CrmObjectTypes.Companies, company.Id, AssociationKinds.FindById(341)!);
        }
    }
}
