using System.Text.Json;
using Abm.Engines.Content;
using Abm.Engines.Engagement;
using Abm.Engines.Journey;
using Abm.Engines.Nurture;

namespace Abm.Engines.Tests.Nurture;

public class SequenceDocumentReaderTests
{
    private static SequenceReadResult Read(string json) => SequenceDocumentReader.Read(JsonDocument.Parse(json).RootElement);

    private static IEnumerable<string> Paths(SequenceReadResult result) => result.Problems.Select(p => p.Path);

    [Fact]
    public void Read_FullDocument_BuildsEveryPart()
    {
        var result = Read("""
            {
              "name": "High-intent fast track",
              "triggers": [
                { "type": "score_crossed", "threshold": 70, "direction": "up" },
                { "type": "event", "eventType": "pricing_inquiry" },
                { "type": "stage_entered", "stage": "vendor_evaluation" }
              ],
              "reenrollment": { "policy": "after_days", "days": 90 },
              "goals": ["meeting_booked", "unsubscribe"],
              "guardrails": { "maxTouchesPerContactPerWeek": 2 },
              "steps": [
                { "id": "proof", "type": "send_content", "contentTypes": ["case_study"], "stages": ["vendor_evaluation"] },
                { "id": "pause", "type": "wait", "duration": "2d12h" },
                { "id": "check", "type": "branch", "condition": { "kind": "clicked_last_email" }, "else": "nudge" },
                { "id": "call", "type": "create_task", "title": "Call about pricing", "priority": "HIGH", "dueInDays": 1, "next": "done" },
                { "id": "nudge", "type": "wait", "until": { "weekdays": ["tuesday", "thursday"], "time": "10:00" } },
                { "id": "done", "type": "end" }
              ]
            }
            """);

        result.Problems.ShouldBeEmpty();
        var definition = result.Definition.ShouldNotBeNull();
        definition.Triggers.ShouldBe([new ScoreCrossedTrigger(70, CrossingDirection.Up), new EventTrigger(EngagementEventType.PricingInquiry), new StageEnteredTrigger(JourneyStage.VendorEvaluation)]);
        definition.Reenrollment.ShouldBe(new Reenrollment(ReenrollmentPolicy.AfterDays, 90));
        definition.Goals.ShouldBe([SequenceGoal.MeetingBooked, SequenceGoal.Unsubscribe]);
        definition.Guardrails.MaxTouchesPerContactPerWeek.ShouldBe(2);
        var send = definition.Steps[0].ShouldBeOfType<SendContentStep>();
        send.Types.ShouldBe([ContentType.CaseStudy]);
        definition.Steps[1].ShouldBeOfType<WaitStep>().Duration.ShouldBe(TimeSpan.FromHours(60));
        var branch = definition.Steps[2].ShouldBeOfType<BranchStep>();
        (branch.Then, branch.Else, branch.Condition).ShouldBe((null, "nudge", new LastEmailCondition(RequireClick: true)));
        definition.Steps[3].ShouldBeOfType<CreateTaskStep>().ShouldBe(new CreateTaskStep("call", "done", "Call about pricing", new TaskOwner(TaskOwnerKind.ContactOwner), TaskPriority.High, 1));
        definition.Steps[4].ShouldBeOfType<WaitStep>().Until!.Days.ShouldBe([DayOfWeek.Tuesday, DayOfWeek.Thursday]);
    }

    [Fact]
    public void Read_NoTriggers_IsManualOnly()
    {
        var result = Read("""{ "name": "Hand-picked", "steps": [ { "id": "a", "type": "end" } ] }""");

        result.Definition!.Triggers.ShouldBe([new ManualTrigger()]);
        result.Definition.Reenrollment.ShouldBe(Reenrollment.Never);
    }

    [Fact]
    public void Read_ManyMistakes_ReportsEachAtItsPath()
    {
        var result = Read("""
            {
              "triggers": [ { "type": "moon_phase" }, { "type": "score_crossed", "threshold": 170, "direction": "sideways" } ],
              "goals": ["world_peace"],
              "steps": [
                { "id": "a", "type": "teleport" },
                { "id": "b", "type": "branch", "condition": { "kind": "score", "atLeast": 50 } },
                { "id": "c", "type": "wait", "duration": "3 weeks" },
                { "id": "d", "type": "wait", "until": { "weekdays": ["saturday"], "time": "10:00" } },
                { "id": "e", "type": "wait", "until": { "weekdays": ["monday"], "time": "23:00" } },
                { "id": "f", "type": "create_task", "owner": { "kind": "named" } },
                { "id": "a", "type": "end" },
                { "id": "bad id!", "type": "end" }
              ]
            }
            """);

        result.Definition.ShouldBeNull();
        Paths(result).ShouldBe([
            "$.name",
            "$.triggers[0].type",
            "$.triggers[1].threshold",
            "$.triggers[1].direction",
            "$.steps[0].type",
            "$.steps[1].else",
            "$.steps[2].duration",
            "$.steps[3].until.weekdays",
            "$.steps[4].until.time",
            "$.steps[5].title",
            "$.steps[5].owner.ownerId",
            "$.steps[6].id",
            "$.steps[7].id",
            "$.goals[0]",
        ], ignoreOrder: true);
        result.Problems.Single(p => p.Path == "$.steps[0].type").Message.ShouldContain("'teleport' is not a step type");
    }

    [Theory]
    [InlineData("[]", "$")]
    [InlineData("""{ "name": "x" }""", "$.steps")]
    [InlineData("""{ "name": "x", "steps": [] }""", "$.steps")]
    [InlineData("""{ "name": "x", "steps": [null] }""", "$.steps[0]")]
    [InlineData("""{ "name": "x", "steps": "wait" }""", "$.steps")]
    [InlineData("""{ "name": 7, "steps": [ { "id": "a", "type": "end" } ] }""", "$.name")]
    [InlineData("""{ "name": "x", "steps": [ { "id": "a", "type": "wait" } ] }""", "$.steps[0]")]
    [InlineData("""{ "name": "x", "steps": [ { "id": "a", "type": "wait", "duration": "1d", "until": { "weekdays": ["monday"], "time": "09:00" } } ] }""", "$.steps[0]")]
    [InlineData("""{ "name": "x", "steps": [ { "id": "a", "type": "wait", "duration": "400d" } ] }""", "$.steps[0].duration")]
    [InlineData("""{ "name": "x", "steps": [ { "id": "a", "type": "branch", "next": "a", "else": "a", "condition": { "kind": "segment", "segment": "engaged" } } ] }""", "$.steps[0].next")]
    [InlineData("""{ "name": "x", "steps": [ { "id": "a", "type": "branch", "else": "a", "condition": { "kind": "score", "atLeast": 60, "atMost": 40 } } ] }""", "$.steps[0].condition.atMost")]
    [InlineData("""{ "name": "x", "steps": [ { "id": "a", "type": "branch", "else": "a", "condition": { "kind": "stage", "stages": [] } } ] }""", "$.steps[0].condition.stages")]
    [InlineData("""{ "name": "x", "reenrollment": { "policy": "after_days" }, "steps": [ { "id": "a", "type": "end" } ] }""", "$.reenrollment.days")]
    [InlineData("""{ "name": "x", "guardrails": { "maxTouchesPerContactPerWeek": 1e400 }, "steps": [ { "id": "a", "type": "end" } ] }""", "$.guardrails.maxTouchesPerContactPerWeek")]
    [InlineData("""{ "name": "x", "guardrails": { "maxTouchesPerContactPerWeek": 2.5 }, "steps": [ { "id": "a", "type": "end" } ] }""", "$.guardrails.maxTouchesPerContactPerWeek")]
    public void Read_OneMistake_IsReportedAtItsPath(string json, string path)
    {
        var result = Read(json);

        result.Definition.ShouldBeNull();
        Paths(result).ShouldContain(path);
    }

    [Fact]
    public void Read_RandomMutationsOfAValidDocument_NeverThrowAndNeverAcceptWhatTheyBroke()
    {
        const string valid = """{"name":"Drip","steps":[{"id":"a","type":"send_content"},{"id":"b","type":"wait","duration":"3d"},{"id":"c","type":"branch","condition":{"kind":"score","atLeast":50},"then":"d","else":"a"},{"id":"d","type":"end"}]}""";
        string[] replacements = ["null", "[]", "{}", "\"\"", "-1", "1e400", "true", "\"zzz\""];
        var random = new Random(11);
        var tokens = System.Text.RegularExpressions.Regex.Matches(valid, "\"[^\"]*\"(?=,|}|])").ToList();
        for (var i = 0; i < 2_000; i++)
        {
            var token = tokens[random.Next(tokens.Count)];
            var replacement = replacements[random.Next(replacements.Length)];
            var mutated = string.Concat(valid.AsSpan(0, token.Index), replacement, valid.AsSpan(token.Index + token.Length));

            var result = Read(mutated);

            (result.Definition is null).ShouldBe(result.Problems.Count > 0, mutated);
            result.Problems.ShouldAllBe(p => p.Path.StartsWith('$') && p.Message.Length > 0);
        }
    }
}
