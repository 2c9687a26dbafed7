using Abm.HubSpot.Sandbox.Tests.Forms;
using Abm.HubSpot.Sandbox.Tests.Infrastructure;

namespace Abm.HubSpot.Sandbox.Tests.Behaviour;

/// <summary>What buyers send through forms in the simulation is what HubSpot's submissions API serves.</summary>
public sealed class FormSubmissionBehaviourTests
{
    [Fact]
    public async Task Advance_BuyersSubmitForms_EachIsServedWithTheBuyersEmailAndTime()
    {
        await using var sandbox = await TestSandbox.StartAsync(BehaviourClient.Options(accounts: 20));

        await BehaviourClient.AdvanceAsync(sandbox, days: 3);
        var submitted = await BehaviourClient.SiteEventsAsync(sandbox, "type=form_submission");
        var served = new List<(string Email, long At, string? FirstName)>();
        foreach (var form in await FormsApi.FormsAsync(sandbox))
        {
            foreach (var submission in await FormsApi.SubmissionsAsync(sandbox, form!["id"]!.GetValue<string>()))
            {
                var values = submission["values"]!.AsArray().ToDictionary(v => v!["name"]!.GetValue<string>(), v => v!["value"]!.GetValue<string>());
                served.Add((values["email"], submission["submittedAt"]!.GetValue<long>(), values.GetValueOrDefault("firstname")));
            }
        }

        submitted.ShouldNotBeEmpty();
        foreach (var siteEvent in submitted)
        {
            var at = DateTimeOffset.Parse(siteEvent["occurredAt"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeMilliseconds();
            served.ShouldContain(s => s.Email == siteEvent["contactEmail"]!.GetValue<string>() && s.At == at && s.FirstName != null);
        }
    }
}
