using System.Numerics.Tensors;

namespace Abm.Engines.Leads;

/// <summary>An ideal-client example's vector with the metadata similarity search filters on.</summary>
/// <param name="Id">The example's id.</param>
/// <param name="Vector">Its embedding.</param>
/// <param name="Type">Its kind; only <c>ideal_client</c> is searched.</param>
/// <param name="Active">Whether it is active; inactive examples are not searched.</param>
public sealed record ExampleVector(string Id, float[] Vector, string Type, bool Active);

/// <summary>One search hit: the example and its cosine similarity to the query.</summary>
public readonly record struct SimilarExample(string Id, double Similarity);

/// <summary>
/// Cosine top-K over ideal-client examples, in process. The examples that pass the metadata filter
/// (<c>status=active</c>, <c>type=ideal_client</c>) are normalised once into one contiguous matrix, so a query
/// is one normalisation and a dot product per row (SIMD through <see cref="TensorPrimitives"/>).
/// </summary>
public sealed class SimilarityIndex
{
    /// <summary>The only example type searched.</summary>
    public const string IdealClientType = "ideal_client";

    private readonly float[] _rows;
    private readonly string[] _ids;

    /// <summary>Builds the index from the examples of one dimension; others (another model's vectors) are left out.</summary>
    public SimilarityIndex(IEnumerable<ExampleVector> examples, int dimensions)
    {
        ArgumentNullException.ThrowIfNull(examples);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dimensions);
        Dimensions = dimensions;
        var kept = examples.Where(e => e.Active && e.Type == IdealClientType && e.Vector.Length == dimensions).ToList();
        _ids = kept.Select(e => e.Id).ToArray();
        _rows = new float[kept.Count * dimensions];
        for (var i = 0; i < kept.Count; i++)
        {
            Normalize(kept[i].Vector, _rows.AsSpan(i * dimensions, dimensions));
        }
    }

    /// <summary>The vectors' dimension.</summary>
    public int Dimensions { get; }

    /// <summary>How many examples the filter kept.</summary>
    public int Count => _ids.Length;

    /// <summary>The <paramref name="k"/> examples closest to the query, most similar first.</summary>
    public IReadOnlyList<SimilarExample> TopK(ReadOnlySpan<float> query, int k)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(k);
        if (query.Length != Dimensions)
        {
            throw new ArgumentException($"The query has {query.Length} dimensions; the index has {Dimensions}.", nameof(query));
        }

        var normalized = new float[Dimensions];
        Normalize(query, normalized);
        var take = Math.Min(k, Count);
        var bestIndex = new int[take];
        var bestScore = new float[take];
        var filled = 0;
        for (var row = 0; row < Count; row++)
        {
            var score = TensorPrimitives.Dot(_rows.AsSpan(row * Dimensions, Dimensions), normalized);
            if (filled == take && score <= bestScore[take - 1])
            {
                continue;
            }

            // Insertion into the short sorted list of the best so far.
            var at = filled == take ? take - 1 : filled++;
            while (at > 0 && bestScore[at - 1] < score)
            {
                bestScore[at] = bestScore[at - 1];
                bestIndex[at] = bestIndex[at - 1];
                at--;
            }

            bestScore[at] = score;
            bestIndex[at] = row;
        }

        return Enumerable.Range(0, filled).Select(i => new SimilarExample(_ids[bestIndex[i]], Math.Clamp(bestScore[i], -1, 1))).ToList();
    }

    private static void Normalize(ReadOnlySpan<float> vector, Span<float> into)
    {
        var norm = TensorPrimitives.Norm(vector);
        if (norm > 0)
        {
            TensorPrimitives.Divide(vector, norm, into);
        }
        else
        {
            into.Clear();
        }
    }
}
