using System.Text.Json;
using Abm.Data;
using Abm.Data.Entities;
using Abm.Engines.Leads;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Features.Leads;

/// <summary>
/// The ideal-client profile in the <c>icp_profiles</c> table: one row per criteria set of the profile
/// (<c>source = profile</c>) and one per company the portal won (<c>source = closed_won</c>). Every row is an
/// ideal-client example for similarity search and carries its vector; only the profile's rows are criteria.
/// </summary>
internal sealed class IcpStore(AbmDbContext database, LeadEmbedder embedder, TimeProvider clock)
{
    public const string ProfileSource = "profile";
    public const string ClosedWonSource = "closed_won";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string DefaultName(int position) => $"Ideal client {position}";

    public async Task<List<IcpCriteriaSet>> CriteriaAsync(CancellationToken cancellationToken) =>
        (await database.IcpProfiles.AsNoTracking().Where(p => p.Source == ProfileSource && p.IsActive).OrderBy(p => p.Name).ToListAsync(cancellationToken))
        .Select(Read).ToList();

    public async Task<IcpProfileResponse> ProfileAsync(CancellationToken cancellationToken)
    {
        var rows = await database.IcpProfiles.AsNoTracking().OrderBy(p => p.Source).ThenBy(p => p.Name).ToListAsync(cancellationToken);
        return new IcpProfileResponse(
            rows.Where(r => r.Source == ProfileSource).Select(Read).ToList(),
            rows.Select(r => new IcpExampleResponse(r.Id, r.Name, r.Source, SimilarityIndex.IdealClientType, r.IsActive ? "active" : "inactive", r.EmbeddingModel, r.EmbeddingDimensions, r.UpdatedAt)).ToList());
    }

    /// <summary>Replaces the profile's criteria sets with these (closed-won examples stay), with their vectors; saved by the caller.</summary>
    public async Task ReplaceAsync(Guid workspaceId, IReadOnlyList<IcpCriteriaSet> criteria, CancellationToken cancellationToken)
    {
        var named = criteria.Select((c, i) => c.Normalized() with { Name = c.Name?.Trim() ?? DefaultName(i + 1) }).ToList();
        var existing = await database.IcpProfiles.Where(p => p.Source == ProfileSource).ToListAsync(cancellationToken);
        database.IcpProfiles.RemoveRange(existing.Where(e => !named.Any(n => string.Equals(n.Name, e.Name, StringComparison.OrdinalIgnoreCase))));
        foreach (var set in named)
        {
            Upsert(workspaceId, existing, set);
        }

        await EmbedMissingAsync(existing, cancellationToken);
    }

    /// <summary>
    /// Adds a criteria set or replaces the one of the same name, its vector cleared for <see cref="EmbedMissingAsync"/>; true
    /// when it is new. Saved by the caller.
    /// </summary>
    public bool Upsert(Guid workspaceId, List<IcpProfile> existing, IcpCriteriaSet set)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var row = existing.FirstOrDefault(e => e.Source == ProfileSource && string.Equals(e.Name, set.Name, StringComparison.OrdinalIgnoreCase));
        var isNew = row is null;
        if (row is null)
        {
            row = new IcpProfile { Id = Guid.CreateVersion7(), WorkspaceId = workspaceId, Name = set.Name!, Source = ProfileSource, CreatedAt = now };
            database.IcpProfiles.Add(row);
            existing.Add(row);
        }

        row.Name = set.Name!;
        row.IsActive = true;
        row.UpdatedAt = now;
        row.Definition = JsonSerializer.Serialize(set.Normalized(), Json);
        row.Embedding = null;
        return isNew;
    }

    public Task<List<IcpProfile>> ProfileRowsAsync(CancellationToken cancellationToken) =>
        database.IcpProfiles.Where(p => p.Source == ProfileSource).ToListAsync(cancellationToken);

    /// <summary>
    /// Makes every company with a closed-won deal an ideal-client example described by its firmographics, and
    /// deactivates the examples of companies that no longer have one. Saved here.
    /// </summary>
    public async Task<int> RefreshClosedWonAsync(Guid workspaceId, CancellationToken cancellationToken)
    {
        var won = await database.Companies.AsNoTracking()
            .Where(c => c.ArchivedAt == null && database.Deals.Any(d => d.CompanyId == c.Id && d.ArchivedAt == null && d.Stage == "closedwon"))
            .ToListAsync(cancellationToken);
        var existing = await database.IcpProfiles.Where(p => p.Source == ClosedWonSource).ToDictionaryAsync(p => p.Name, StringComparer.Ordinal, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var names = new HashSet<string>(StringComparer.Ordinal);
        var current = new List<IcpProfile>();
        foreach (var company in won)
        {
            var name = $"closed-won {company.HubSpotId}";
            names.Add(name);
            var facts = LeadFactsLoader.CompanyFacts(company);
            var set = new IcpCriteriaSet(company.Name ?? name, facts.Industry is null ? [] : [facts.Industry], facts.Employees, facts.Employees,
                facts.AnnualRevenue, facts.AnnualRevenue, facts.Country is null ? [] : [facts.Country], [.. facts.Technologies], null, null);
            if (!existing.TryGetValue(name, out var row))
            {
                row = new IcpProfile { Id = Guid.CreateVersion7(), WorkspaceId = workspaceId, Name = name, Source = ClosedWonSource, CreatedAt = now };
                database.IcpProfiles.Add(row);
            }

            row.IsActive = true;
            row.UpdatedAt = now;
            var definition = JsonSerializer.Serialize(set, Json);
            if (row.Definition != definition)
            {
                // Firmographics changed: the example is embedded again below.
                row.Definition = definition;
                row.Embedding = null;
            }

            current.Add(row);
        }

        await EmbedMissingAsync(current, cancellationToken);

        foreach (var gone in existing.Values.Where(e => !names.Contains(e.Name) && e.IsActive))
        {
            gone.IsActive = false;
            gone.UpdatedAt = now;
        }

        await database.SaveChangesAsync(cancellationToken);
        return won.Count;
    }

    /// <summary>
    /// The active examples' vectors of the current model (re-embedding any made by another model), for the similarity
    /// index. When some example still has no vector of the current model (the embedding model failed), similarity is
    /// unavailable: the index is empty and says why, rather than ranking the leads against part of the profile.
    /// </summary>
    public async Task<IdealClientIndex> IndexAsync(CancellationToken cancellationToken)
    {
        var rows = await database.IcpProfiles.Where(p => p.IsActive).ToListAsync(cancellationToken);
        var (reembedded, failure) = await ReembedStaleAsync(rows, cancellationToken);
        if (reembedded > 0)
        {
            await database.SaveChangesAsync(cancellationToken);
        }

        if (failure is not null)
        {
            return new IdealClientIndex(new SimilarityIndex([], embedder.Dimensions), new Dictionary<string, SimilarClient>(), failure);
        }

        var index = new SimilarityIndex(rows.Select(r => new ExampleVector(r.Id.ToString(), LeadEmbedder.FromBytes(r.Embedding!), SimilarityIndex.IdealClientType, r.IsActive)), embedder.Dimensions);
        return new IdealClientIndex(index, rows.ToDictionary(r => r.Id.ToString(), r => new SimilarClient(r.Id, r.Name, r.Source, 0), StringComparer.Ordinal), null);
    }

    /// <summary>
    /// Re-embeds the workspace's examples whose vector is missing or of another model or dimension; saved here. How many
    /// were re-embedded (an example the model failed on keeps its old vector, and is tried again next time).
    /// </summary>
    public async Task<int> ReembedStaleAsync(CancellationToken cancellationToken)
    {
        var (count, _) = await ReembedStaleAsync(await database.IcpProfiles.ToListAsync(cancellationToken), cancellationToken);
        await database.SaveChangesAsync(cancellationToken);
        return count;
    }

    /// <summary>Embeds the rows that have no vector (new or changed since), in batches; a row the model fails on stays without one.</summary>
    public async Task EmbedMissingAsync(IEnumerable<IcpProfile> rows, CancellationToken cancellationToken) =>
        await EmbedAsync(rows.Where(r => r.Embedding is null).ToList(), cancellationToken);

    private async Task<(int Reembedded, string? Failure)> ReembedStaleAsync(List<IcpProfile> rows, CancellationToken cancellationToken) =>
        await EmbedAsync(rows.Where(r => r.EmbeddingModel != embedder.Model || r.EmbeddingDimensions != embedder.Dimensions || r.Embedding is null).ToList(), cancellationToken);

    /// <summary>
    /// Embeds the rows' documents in batches and records the model and dimension with each vector. How many got one,
    /// and the model's failure when some did not.
    /// </summary>
    private async Task<(int Embedded, string? Failure)> EmbedAsync(List<IcpProfile> rows, CancellationToken cancellationToken)
    {
        var embedded = await embedder.TryEmbedAsync(rows.Select(r => LeadDocument.Of(Read(r).ToCriteria())).ToList(), cancellationToken);
        var count = 0;
        for (var i = 0; i < rows.Count; i++)
        {
            if (embedded.Vectors[i] is { } vector)
            {
                rows[i].Embedding = LeadEmbedder.ToBytes(vector);
                rows[i].EmbeddingModel = embedder.Model;
                rows[i].EmbeddingDimensions = embedder.Dimensions;
                count++;
            }
        }

        return (count, embedded.Failure);
    }

    private static IcpCriteriaSet Read(IcpProfile row) =>
        (JsonSerializer.Deserialize<IcpCriteriaSet>(row.Definition, Json) ?? new IcpCriteriaSet(row.Name, null, null, null, null, null, null, null, null, null)) with { Name = row.Name };
}

/// <summary>
/// The similarity index over the ideal-client examples, and each example's name and source by id; or, when the
/// examples could not all be embedded with the current model, why similarity is unavailable (the index is then empty).
/// </summary>
internal sealed record IdealClientIndex(SimilarityIndex Index, IReadOnlyDictionary<string, SimilarClient> Examples, string? Unavailable)
{
    /// <summary>The examples closest to the vector, most similar first (none when the profile has no examples).</summary>
    public List<SimilarClient> Closest(float[] vector, int count) => Index.Count == 0 ? [] :
        Index.TopK(vector, count).Select(hit => Examples[hit.Id] with { Similarity = Math.Round(hit.Similarity, 4) }).ToList();
}
