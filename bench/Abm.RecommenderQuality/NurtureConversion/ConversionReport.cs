using System.Globalization;
using System.Text.Json;

namespace Abm.RecommenderQuality.NurtureConversion;

/// <summary>
/// One group's outcome. Conversion is the sandbox's content-to-meeting conversion: buyers who booked at least one
/// meeting in reaction to a send carrying a content item, divided by the buyers sent at least one such email.
/// </summary>
public sealed record ArmOutcome(string Arm, int Buyers, int ContactsSent, int Converted, int Sends, double MeanLabel, int Opens, int Clicks, int Unsubscribes)
{
    public double Conversion => ContactsSent == 0 ? 0 : (double)Converted / ContactsSent;

    public WilsonInterval Interval => WilsonInterval.Of(Converted, ContactsSent);
}

/// <summary>The three groups' outcomes side by side, with the ratio the targets speak of.</summary>
public sealed class ConversionReport(IReadOnlyList<ArmOutcome> arms, ConversionOptions options, QualityTimings timings)
{
    public IReadOnlyList<ArmOutcome> Arms { get; } = arms;

    public ArmOutcome Ours => Arms.Single(a => a.Arm == ConversionArms.Ours);

    public ArmOutcome Popularity => Arms.Single(a => a.Arm == ConversionArms.Popularity);

    public ArmOutcome Random => Arms.Single(a => a.Arm == ConversionArms.Random);

    internal static ConversionReport Of(IReadOnlyList<ConversionArm> arms, IReadOnlyList<JsonElement> sends, ConversionOptions options, QualityTimings timings)
    {
        var withContent = sends.Where(s => s.TryGetProperty("contentExternalId", out var item) && item.ValueKind == JsonValueKind.String)
            .ToLookup(s => s.GetProperty("contactId").GetInt64().ToString(CultureInfo.InvariantCulture), StringComparer.Ordinal);
        var outcomes = arms.Select(arm =>
        {
            var own = arm.HubSpotIds.SelectMany(id => withContent[id]).ToList();
            bool Did(JsonElement send, string what) => send.GetProperty(what).GetBoolean();
            return new ArmOutcome(
                arm.Name, arm.HubSpotIds.Count, arm.HubSpotIds.Count(id => withContent[id].Any()),
                arm.HubSpotIds.Count(id => withContent[id].Any(s => Did(s, "bookedMeeting"))), own.Count,
                own.Count == 0 ? 0 : own.Average(s => s.TryGetProperty("label", out var label) ? label.GetInt32() : 0),
                own.Count(s => Did(s, "opened")), own.Count(s => Did(s, "clicked")), own.Count(s => Did(s, "unsubscribed")));
        }).ToList();
        return new ConversionReport(outcomes, options, timings);
    }

    public void Print(TextWriter output)
    {
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{"group",-20} {"buyers",7} {"sent to",8} {"met",5} {"conversion",11} {"95% CI (Wilson)",17} {"sends",7} {"mean label",11} {"opens",6} {"clicks",7} {"unsubs",7}"));
        foreach (var arm in Arms)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{arm.Arm,-20} {arm.Buyers,7} {arm.ContactsSent,8} {arm.Converted,5} {arm.Conversion,11:P1} {$"{arm.Interval.Low:P1}..{arm.Interval.High:P1}",17} {arm.Sends,7} {arm.MeanLabel,11:F2} {arm.Opens,6} {arm.Clicks,7} {arm.Unsubscribes,7}"));
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ours / popularity: {Ratio(Ours, Popularity)}; ours / random: {Ratio(Ours, Random)} ({options.Sends} sends over {options.NurtureDays} days; targets: ours >= 15%, ours >= 1.8x popularity)"));
        output.WriteLine(string.Join(", ", timings.Phases.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Phase} {p.Elapsed.TotalSeconds:F1} s")))
            + string.Create(CultureInfo.InvariantCulture, $"; total {timings.Total.TotalSeconds:F1} s"));
    }

    private static string Ratio(ArmOutcome ours, ArmOutcome baseline) =>
        baseline.Conversion > 0 ? (ours.Conversion / baseline.Conversion).ToString("F2", CultureInfo.InvariantCulture) + "x" : "n/a";
}
