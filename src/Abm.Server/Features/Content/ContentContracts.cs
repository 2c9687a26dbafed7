using System.ComponentModel.DataAnnotations;
using Abm.Data.Entities;
using Abm.Engines;

namespace Abm.Server.Features.Content;

/// <summary>A content item as created or replaced. Vocabulary fields are checked against the engine's names.</summary>
internal sealed record ContentItemRequest(
    [property: Required, StringLength(255, MinimumLength = 1)] string Title,
    [property: Required] string ContentType,
    string? Complexity,
    [property: StringLength(100)] string? Topic,
    [property: StringLength(1000), Url] string? Url,
    [property: StringLength(100)] string? ExternalId,
    List<string>? TargetIndustries,
    List<string>? TargetPersonas,
    List<string>? TargetJourneyStages,
    DateTimeOffset? PublishedAt,
    [property: Range(1, 1440)] int? DurationMinutes) : IValidatableObject
{
    public static readonly IReadOnlyList<string> Complexities = ["basic", "intermediate", "advanced"];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!WireNames.TryParseContentType(ContentType, out _))
        {
            yield return new ValidationResult($"contentType '{ContentType}' is unknown; expected whitepaper, case_study, roi_calculator, demo_video, webinar, blog_post or datasheet.", [nameof(ContentType)]);
        }

        if (Complexity is not null && !Complexities.Contains(Complexity))
        {
            yield return new ValidationResult("complexity must be basic, intermediate or advanced.", [nameof(Complexity)]);
        }

        foreach (var persona in (TargetPersonas ?? []).Where(p => !WireNames.TryParsePersona(p, out _)))
        {
            yield return new ValidationResult($"targetPersonas has unknown persona '{persona}'.", [nameof(TargetPersonas)]);
        }

        foreach (var stage in (TargetJourneyStages ?? []).Where(s => !WireNames.TryParseJourneyStage(s, out _)))
        {
            yield return new ValidationResult($"targetJourneyStages has unknown stage '{stage}'.", [nameof(TargetJourneyStages)]);
        }

        // Industries are a per-workspace vocabulary, so only their shape is checked.
        foreach (var industry in (TargetIndustries ?? []).Where(i => !IsSlug(i)))
        {
            yield return new ValidationResult($"targetIndustries value '{industry}' must be a lower-case slug such as financial_services.", [nameof(TargetIndustries)]);
        }
    }

    public void ApplyTo(ContentItem item)
    {
        item.Title = Title.Trim();
        item.ContentType = WireNames.TryParseContentType(ContentType, out var type) ? type.ToWireName() : ContentType;
        item.Complexity = Complexity ?? "intermediate";
        item.Topic = Topic;
        item.Url = Url;
        item.ExternalId = ExternalId;
        item.TargetIndustries = [.. (TargetIndustries ?? []).Distinct()];
        item.TargetPersonas = [.. (TargetPersonas ?? []).Select(p => WireNames.TryParsePersona(p, out var v) ? v.ToWireName() : p).Distinct()];
        item.TargetJourneyStages = [.. (TargetJourneyStages ?? []).Select(s => WireNames.TryParseJourneyStage(s, out var v) ? v.ToWireName() : s).Distinct()];
        item.PublishedAt = PublishedAt?.UtcDateTime;
        item.DurationMinutes = DurationMinutes;
    }

    private static bool IsSlug(string value) =>
        value.Length is > 1 and <= 50 && char.IsAsciiLetterLower(value[0]) && value.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_');
}

internal sealed record ContentItemResponse(
    Guid Id, string? ExternalId, string Title, string ContentType, string Complexity, string? Topic, string? Url,
    IReadOnlyList<string> TargetIndustries, IReadOnlyList<string> TargetPersonas, IReadOnlyList<string> TargetJourneyStages,
    DateTime? PublishedAt, int? DurationMinutes, System.Text.Json.JsonElement Performance, DateTime CreatedAt, DateTime UpdatedAt)
{
    public static ContentItemResponse From(ContentItem c) => new(
        c.Id, c.ExternalId, c.Title, c.ContentType, c.Complexity, c.Topic, c.Url, c.TargetIndustries, c.TargetPersonas,
        c.TargetJourneyStages, c.PublishedAt, c.DurationMinutes, System.Text.Json.JsonDocument.Parse(c.PerformanceMetrics).RootElement.Clone(),
        c.CreatedAt, c.UpdatedAt);
}

internal sealed record ContentPage(IReadOnlyList<ContentItemResponse> Items, int Total, int Limit, int Offset);
