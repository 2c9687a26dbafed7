using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Abm.RecommenderQuality.NurtureConversion;

/// <summary>One group of buyers and what its sequence sends them.</summary>
internal sealed record ConversionArm(string Name, IReadOnlyList<string> HubSpotIds);

/// <summary>
/// The three groups and their sequences. Every group runs the same sequence (a wait for the next Monday or Thursday
/// 10:00, a send, and again, <see cref="ConversionOptions.Sends"/> times); only the item each send carries differs:
/// the recommender's best item not yet sent or consumed (one sequence for the whole group), or fixed items per buyer:
/// the most consumed items it has not consumed yet (popularity), or items drawn at random from those it has not
/// consumed. Buyers are dealt to the groups at random, so the groups are comparable.
/// </summary>
internal sealed class ConversionArms(HttpClient api, AbmHistory history, ConversionOptions options)
{
    public const string Ours = "ABM recommendation";
    public const string Popularity = "most popular item";
    public const string Random = "random item";

    public static IReadOnlyList<ConversionArm> Deal(IEnumerable<string> buyers, int seed)
    {
        var shuffled = buyers.Order(StringComparer.Ordinal).ToArray();
        new Random(seed).Shuffle(shuffled);
        string[] names = [Ours, Popularity, Random];
        return [.. names.Select((name, arm) => new ConversionArm(name, [.. shuffled.Where((_, i) => i % names.Length == arm)]))];
    }

    /// <summary>Creates, activates and enrols every group's sequences; answers the enrolments made per group.</summary>
    public async Task<Dictionary<string, int>> EnrolAsync(IReadOnlyList<ConversionArm> arms, CancellationToken cancellationToken)
    {
        var enrolled = new Dictionary<string, int>(StringComparer.Ordinal);
        var popularity = new PopularityBaseline(history);
        var random = new RandomBaseline(history, options.Seed);
        foreach (var arm in arms)
        {
            var contacts = arm.HubSpotIds.Select(id => history.ContactsByHubSpotId[id]).ToList();
            if (arm.Name == Ours)
            {
                enrolled[arm.Name] = await EnrolAsync(Document("recommended", null), contacts, cancellationToken);
                continue;
            }

            // One sequence per distinct list of items (popularity gives most buyers the same list).
            Func<Guid, int, IReadOnlyList<Guid>> pick = arm.Name == Popularity ? popularity.Recommend : random.Recommend;
            var byItems = contacts.Select(c => (Contact: c, Items: pick(c, options.Sends).Select(i => history.ExternalIds[i]).ToArray()))
                .GroupBy(p => string.Join(',', p.Items), StringComparer.Ordinal);
            var count = 0;
            foreach (var group in byItems)
            {
                count += await EnrolAsync(Document(arm.Name, group.First().Items), [.. group.Select(g => g.Contact)], cancellationToken);
            }

            enrolled[arm.Name] = count;
        }

        return enrolled;
    }

    /// <summary>The bench's sequence: a wait for Monday or Thursday 10:00 and a send, <see cref="ConversionOptions.Sends"/> times (or once per fixed item).</summary>
    internal JsonObject Document(string name, string[]? fixedItems)
    {
        var steps = new JsonArray();
        var sends = fixedItems?.Length ?? options.Sends;
        for (var i = 1; i <= sends; i++)
        {
            steps.Add(new JsonObject
            {
                ["id"] = $"slot_{i}", ["type"] = "wait",
                ["until"] = new JsonObject { ["weekdays"] = new JsonArray("monday", "thursday"), ["time"] = "10:00" },
            });
            var send = new JsonObject { ["id"] = $"send_{i}", ["type"] = "send_content" };
            if (fixedItems is not null)
            {
                send["contentId"] = fixedItems[i - 1];
            }

            steps.Add(send);
        }

        steps.Add(new JsonObject { ["id"] = "done", ["type"] = "end" });
        return new JsonObject
        {
            ["name"] = $"Conversion bench: {name} {Guid.NewGuid():N}",
            // Every buyer of an account is sent on the same morning: the per-account cap must not decide the outcome.
            ["guardrails"] = new JsonObject { ["maxTouchesPerContactPerWeek"] = 3, ["maxTouchesPerAccountPerDay"] = 500 },
            ["steps"] = steps,
        };
    }

    /// <summary>Creates and activates the sequence and enrols the contacts; answers how many were enrolled.</summary>
    internal async Task<int> EnrolAsync(JsonObject document, IReadOnlyList<Guid> contacts, CancellationToken cancellationToken)
    {
        using var created = await api.PostAsJsonAsync("/api/nurture/sequences", document, cancellationToken);
        var id = (await WorldPreparation.ReadSuccessAsync(created, "sequence create", cancellationToken)).GetProperty("id").GetGuid();
        using var activated = await api.PostAsync($"/api/nurture/sequences/{id}/activate", null, cancellationToken);
        await WorldPreparation.ReadSuccessAsync(activated, "sequence activate", cancellationToken);
        using var enrolled = await api.PostAsJsonAsync("/api/nurture/enrollments", new { sequenceId = id, contactIds = contacts }, cancellationToken);
        return (await WorldPreparation.ReadSuccessAsync(enrolled, "enrolment", cancellationToken)).GetProperty("enrolled").GetInt32();
    }
}
