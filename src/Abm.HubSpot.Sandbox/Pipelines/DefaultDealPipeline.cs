using Abm.HubSpot.Sandbox.Properties;

namespace Abm.HubSpot.Sandbox.Pipelines;

/// <summary>
/// The pipeline every portal starts with: id <c>default</c>, label "Sales Pipeline", and HubSpot's default stages with
/// their win probabilities. Its stage ids are the <c>dealstage</c> options of <see cref="DefaultPropertyCatalog"/>.
/// </summary>
internal static class DefaultDealPipeline
{
    public const string Id = "default";

    private static readonly (string Label, double Probability, bool IsClosed)[] Stages =
    [
        ("Appointment Scheduled", 0.2, false), ("Qualified To Buy", 0.4, false), ("Presentation Scheduled", 0.6, false),
        ("Decision Maker Bought-In", 0.8, false), ("Contract Sent", 0.9, false), ("Closed Won", 1.0, true), ("Closed Lost", 0.0, true),
    ];

    public static DealPipeline Create(DateTimeOffset now) => new(
        Id, "Sales Pipeline", 0, now, now,
        [.. DefaultPropertyCatalog.DealStages.Select((id, order) => new DealStage(id, Stages[order].Label, order, Stages[order].Probability, Stages[order].IsClosed, now))]);
}
