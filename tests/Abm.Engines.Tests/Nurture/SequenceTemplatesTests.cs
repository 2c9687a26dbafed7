using System.Text.Json;
using System.Text.Json.Nodes;
using Abm.Engines.Engagement;
using Abm.Engines.Nurture;
using Json.Schema;

namespace Abm.Engines.Tests.Nurture;

public class SequenceTemplatesTests
{
    private static readonly JsonSchema Schema = JsonSchema.FromText(SequenceSchema.Document.GetRawText());

    [Fact]
    public void All_ThreeTemplates_ReadWithoutProblemsAndMatchTheSchema()
    {
        SequenceTemplates.All.Select(t => t.Key).ShouldBe(["awareness_to_evaluation", "cold_account_reengagement", "high_intent_fast_track"]);
        foreach (var template in SequenceTemplates.All)
        {
            SequenceDocumentReader.Read(template.Document).Problems.ShouldBeEmpty(template.Key);
            Schema.Evaluate(template.Document).IsValid.ShouldBeTrue(template.Key);
        }
    }

    [Fact]
    public void HighIntentFastTrack_SendsACaseStudyThenAHighTaskOnScore70OrPricing()
    {
        var definition = SequenceDocumentReader.Read(SequenceTemplates.Find("high_intent_fast_track")!.Document).Definition!;

        definition.Triggers.ShouldBe([new ScoreCrossedTrigger(70, CrossingDirection.Up), new EventTrigger(EngagementEventType.PricingInquiry)]);
        definition.Steps[0].ShouldBeOfType<SendContentStep>().Types.ShouldBe([Abm.Engines.Content.ContentType.CaseStudy]);
        definition.Steps[1].ShouldBeOfType<CreateTaskStep>().Priority.ShouldBe(TaskPriority.High);
    }

    [Fact]
    public void Schema_NamesEveryStepTypeTheReaderKnows()
    {
        var named = SequenceSchema.Document.GetProperty("$defs").GetProperty("step").GetProperty("oneOf").EnumerateArray()
            .Select(alternative => alternative.GetProperty("properties").GetProperty("type"))
            .SelectMany(type => type.TryGetProperty("const", out var single) ? [single.GetString()!] : type.GetProperty("enum").EnumerateArray().Select(e => e.GetString()!));

        named.ShouldBe(SequenceDocumentReader.StepTypes, ignoreOrder: true);
    }

    [Fact]
    public void Schema_RandomMutationsOfTheTemplates_AcceptsEverythingTheReaderAccepts()
    {
        var random = new Random(29);
        JsonNode?[] replacements = [null, new JsonArray(), new JsonObject(), "", -1, 1000, true, "zzz", "case_study", "3d"];
        for (var i = 0; i < 500; i++)
        {
            var document = JsonNode.Parse(SequenceTemplates.All[random.Next(SequenceTemplates.All.Count)].Document.GetRawText())!;
            var values = Leaves(document).ToList();
            var target = values[random.Next(values.Count)];
            target.ReplaceWith(replacements[random.Next(replacements.Length)]?.DeepClone());
            var element = JsonSerializer.SerializeToElement(document);

            var read = SequenceDocumentReader.Read(element);
            var valid = Schema.Evaluate(element).IsValid;

            if (read.Problems.Count == 0)
            {
                valid.ShouldBeTrue(element.GetRawText());
            }

            if (!valid)
            {
                read.Problems.ShouldNotBeEmpty(element.GetRawText());
            }
        }
    }

    private static IEnumerable<JsonNode> Leaves(JsonNode node) => node switch
    {
        JsonObject obj => obj.Select(p => p.Value).OfType<JsonNode>().SelectMany(Leaves),
        JsonArray array => array.OfType<JsonNode>().SelectMany(Leaves),
        _ => [node],
    };
}
