using Abm.Engines.Engagement;

namespace Abm.Engines.Tests.Engagement;

public class EngagementScorerPropertyTests
{
    // Half-saturations scaled to the random histories (up to a few dozen events), so every component moves and the
    // properties are tested where the curves bend, not where they are all near zero.
    private static readonly EngagementSettings Settings = EngagementSettings.Default with
    {
        RecencyHalfSaturation = 4,
        FrequencyHalfSaturation = 8,
        QualityHalfSaturation = 120,
    };
    private static readonly DateTimeOffset Now = RandomEvents.Now;

    private static ContactEngagementScore Score(List<EngagementEvent> events, DateTimeOffset? now = null) =>
        EngagementScorer.ScoreContact(events.ToArray(), now ?? Now, Settings);

    [Fact]
    public void ScoreContact_RandomHistories_TotalAndComponentsWithinZeroToHundred()
    {
        var random = new Random(1001);
        for (var run = 0; run < 2000; run++)
        {
            var score = Score(RandomEvents.History(random, 300));

            foreach (var value in new[] { score.Total, score.Recency, score.Frequency, score.Quality, score.Diversity, score.Progression })
            {
                value.ShouldBeInRange(0, 100);
            }
        }
    }

    [Fact]
    public void ScoreContact_RandomHistories_MatchesReferenceImplementation()
    {
        var random = new Random(1002);
        for (var run = 0; run < 2000; run++)
        {
            var events = RandomEvents.History(random, 60);
            var expected = ReferenceEngagementScorer.Score(events, Now, Settings);

            var actual = Score(events);

            actual.Total.ShouldBe(expected.Total, 1e-9);
            actual.Recency.ShouldBe(expected.Recency, 1e-9);
            actual.Frequency.ShouldBe(expected.Frequency, 1e-9);
            actual.Quality.ShouldBe(expected.Quality, 1e-9);
            actual.Diversity.ShouldBe(expected.Diversity, 1e-9);
            actual.Progression.ShouldBe(expected.Progression, 1e-9);
        }
    }

    [Fact]
    public void ScoreContact_AddingAnyEvent_NeverLowersScore()
    {
        var random = new Random(1003);
        for (var run = 0; run < 2000; run++)
        {
            var events = RandomEvents.History(random, 40);
            var before = Score(events).Total;

            events.Add(RandomEvents.Event(random, Now.AddDays(-random.NextDouble() * 100)));

            Score(events).Total.ShouldBeGreaterThanOrEqualTo(before);
        }
    }

    [Fact]
    public void ScoreContact_HighWeightEventAtAnExistingInstant_NeverLowersScore()
    {
        var random = new Random(1004);
        EngagementEventType[] highWeight = [EngagementEventType.DemoRequest, EngagementEventType.PricingInquiry, EngagementEventType.MeetingBooked];
        for (var run = 0; run < 2000; run++)
        {
            var events = RandomEvents.History(random, 40);
            if (events.Count == 0)
            {
                continue;
            }

            var before = Score(events).Total;
            var instant = events[random.Next(events.Count)].OccurredAt;

            events.Add(new EngagementEvent(highWeight[random.Next(highWeight.Length)], instant));

            Score(events).Total.ShouldBeGreaterThanOrEqualTo(before);
        }
    }

    [Fact]
    public void ScoreContact_RaisingAnEventTypeWeight_NeverLowersScore()
    {
        var random = new Random(1008);
        var types = Enum.GetValues<EngagementEventType>();
        for (var run = 0; run < 2000; run++)
        {
            var events = RandomEvents.History(random, 40).ToArray();
            var type = types[random.Next(types.Length)];
            var heavier = Settings with { Weights = Settings.Weights.With(type, Settings.Weights[type] + (random.NextDouble() * 50)) };

            EngagementScorer.ScoreContact(events, Now, heavier).Total
                .ShouldBeGreaterThanOrEqualTo(EngagementScorer.ScoreContact(events, Now, Settings).Total);
        }
    }

    [Fact]
    public void ScoreContact_Ageing_NeverRaisesRecencyOrTotal()
    {
        var random = new Random(1005);
        for (var run = 0; run < 2000; run++)
        {
            var events = RandomEvents.History(random, 40).Where(e => e.OccurredAt <= Now).ToList();
            var earlier = Score(events);

            var later = Score(events, Now.AddDays(random.NextDouble() * 60));

            later.Recency.ShouldBeLessThanOrEqualTo(earlier.Recency);
            later.Total.ShouldBeLessThanOrEqualTo(earlier.Total);
        }
    }

    [Fact]
    public void ScoreContact_SameEventsShuffled_SameScore()
    {
        var random = new Random(1006);
        for (var run = 0; run < 500; run++)
        {
            var events = RandomEvents.History(random, 40);
            var shuffled = events.ToArray();
            random.Shuffle(shuffled);

            EngagementScorer.ScoreContact(shuffled, Now, Settings).Total.ShouldBe(Score(events).Total, 1e-9);
        }
    }

    [Fact]
    public void ScoreAll_RandomBatch_MatchesScoreContactForEveryContact()
    {
        var random = new Random(1007);
        var histories = Enumerable.Range(0, 5000).Select(_ => RandomEvents.History(random, 25)).ToList();
        var rows = histories.SelectMany((events, contact) => events.Select(e => (Contact: contact, Event: e))).ToArray();
        random.Shuffle(rows); // the batch must not depend on input order
        var batch = ContactEventBatch.FromColumns(
            histories.Count,
            rows.Select(r => r.Contact).ToArray(),
            rows.Select(r => r.Event.OccurredAt.UtcTicks).ToArray(),
            rows.Select(r => r.Event.Type).ToArray());

        var scores = EngagementScorer.ScoreAll(batch, Now, Settings);

        scores.Length.ShouldBe(histories.Count);
        for (var contact = 0; contact < histories.Count; contact++)
        {
            var expected = ReferenceEngagementScorer.Score(histories[contact], Now, Settings);
            scores[contact].Total.ShouldBe(expected.Total, 1e-9, $"contact {contact}");
            scores[contact].CurrentPeriodPoints.ShouldBe(Score(histories[contact]).CurrentPeriodPoints, 1e-9);
        }
    }
}
