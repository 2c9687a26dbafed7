using System.ComponentModel.DataAnnotations;
using Abm.Engines.Leads;

namespace Abm.Server.Features.Leads;

/// <summary>
/// One set of ideal-client criteria: industry, company size, revenue range, geographic location, technology stack
/// and budget range. A criterion left empty is not part of the set. Values are kept lower case.
/// </summary>
internal sealed record IcpCriteriaSet(
    [property: StringLength(200, MinimumLength = 1)] string? Name,
    List<string>? Industries,
    [property: Range(0, 10_000_000)] decimal? EmployeesMin,
    [property: Range(0, 10_000_000)] decimal? EmployeesMax,
    [property: Range(0, 1e15)] decimal? RevenueMin,
    [property: Range(0, 1e15)] decimal? RevenueMax,
    List<string>? Countries,
    List<string>? Technologies,
    [property: Range(0, 1e13)] decimal? BudgetMin,
    [property: Range(0, 1e13)] decimal? BudgetMax) : IValidatableObject
{
    public const int MaxValues = 50;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (field, min, max) in new[] { (nameof(EmployeesMin), EmployeesMin, EmployeesMax), (nameof(RevenueMin), RevenueMin, RevenueMax), (nameof(BudgetMin), BudgetMin, BudgetMax) })
        {
            if (min > max)
            {
                yield return new ValidationResult($"{Camel(field)} must not exceed the maximum.", [field]);
            }
        }

        foreach (var (field, values) in new[] { (nameof(Industries), Industries), (nameof(Countries), Countries), (nameof(Technologies), Technologies) })
        {
            if (values is null)
            {
                continue;
            }

            if (values.Count > MaxValues)
            {
                yield return new ValidationResult($"{Camel(field)} takes at most {MaxValues} values.", [field]);
            }

            foreach (var value in values.Where(v => string.IsNullOrWhiteSpace(v) || v.Length > 100))
            {
                yield return new ValidationResult($"{Camel(field)} has an empty or over-long value '{value}'.", [field]);
            }
        }

        foreach (var industry in (Industries ?? []).Where(i => !string.IsNullOrWhiteSpace(i) && !IcpVocabulary.IsIndustry(i)))
        {
            yield return new ValidationResult($"industries value '{industry}' is unknown; expected a vertical such as {string.Join(", ", IcpVocabulary.DefaultIndustries)} or a HubSpot industry.", [nameof(Industries)]);
        }

        if (ToCriteria() is { Industries.Count: 0, Countries.Count: 0, Technologies.Count: 0 } criteria && !criteria.Employees.IsSet && !criteria.Revenue.IsSet && !criteria.Budget.IsSet)
        {
            yield return new ValidationResult("A criteria set names at least one criterion.", [nameof(Industries)]);
        }
    }

    /// <summary>The engine's criteria, values normalised (industries as verticals, everything lower case).</summary>
    public IdealClientCriteria ToCriteria() => new(
        Normalize(Industries, IcpVocabulary.IndustryOf), new ValueRange(EmployeesMin, EmployeesMax), new ValueRange(RevenueMin, RevenueMax),
        Normalize(Countries, v => v.Trim().ToLowerInvariant()), Normalize(Technologies, v => v.Trim().ToLowerInvariant()), new ValueRange(BudgetMin, BudgetMax));

    /// <summary>The same set with its values normalised, as it is stored.</summary>
    public IcpCriteriaSet Normalized()
    {
        var criteria = ToCriteria();
        return this with { Name = Name?.Trim(), Industries = [.. criteria.Industries], Countries = [.. criteria.Countries], Technologies = [.. criteria.Technologies] };
    }

    private static List<string> Normalize(List<string>? values, Func<string, string> normalize) =>
        (values ?? []).Where(v => !string.IsNullOrWhiteSpace(v)).Select(normalize).Distinct(StringComparer.Ordinal).ToList();

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}

/// <summary>The whole ideal-client profile as edited: its criteria sets, which replace the current ones.</summary>
internal sealed record IcpProfileRequest([property: Required, MaxLength(200)] List<IcpCriteriaSet> Criteria) : IValidatableObject
{
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Criteria is null)
        {
            yield break; // [Required] names it
        }

        var names = Criteria.Select((c, i) => c?.Name?.Trim() ?? IcpStore.DefaultName(i + 1)).ToList();
        foreach (var duplicate in names.GroupBy(n => n, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            yield return new ValidationResult($"criteria name '{duplicate.Key}' is used more than once.", [nameof(Criteria)]);
        }
    }
}

/// <summary>The profile: the workspace's criteria sets, and every ideal-client example similarity search uses.</summary>
internal sealed record IcpProfileResponse(IReadOnlyList<IcpCriteriaSet> Criteria, IReadOnlyList<IcpExampleResponse> Examples);

/// <summary>An ideal-client example: from the profile (<c>profile</c>) or a company the portal won (<c>closed_won</c>).</summary>
internal sealed record IcpExampleResponse(Guid Id, string Name, string Source, string Type, string Status, string? EmbeddingModel, int? EmbeddingDimensions, DateTime UpdatedAt);
