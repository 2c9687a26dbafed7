using System.Buffers;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;

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
/// (<c>status=active</c>, <c>type=ideal_client</c>) are normalised once into one contiguous float matrix, and an
/// 8-bit copy of it (one byte a value, a scale per example) is kept for the scan.
/// <para>
/// A search reads the 8-bit copy (a quarter of the bytes: the scan is bound by memory bandwidth) and bounds each
/// example's true cosine between a lower and an upper value from the quantisation error. The k-th best lower bound
/// is a floor under the true k-th best cosine, so every example whose upper bound is below it cannot be in the
/// answer; the few that remain are re-ranked exactly on the float vectors. The result is therefore the same as
/// <see cref="ExactTopK"/>, examples and similarities, not an approximation.
/// </para>
/// </summary>
public sealed class SimilarityIndex
{
    /// <summary>The only example type searched.</summary>
    public const string IdealClientType = "ideal_client";

    // Float rounding in the exact dot products and in the bound itself, far below any quantisation error.
    private const float RoundingSlack = 1e-4f;

    private readonly float[] _rows;
    private readonly sbyte[] _codes;
    private readonly float[] _scales;
    private readonly float[] _scaledCodeSums;
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
        _codes = new sbyte[kept.Count * dimensions];
        _scales = new float[kept.Count];
        _scaledCodeSums = new float[kept.Count];
        for (var i = 0; i < kept.Count; i++)
        {
            var row = _rows.AsSpan(i * dimensions, dimensions);
            Normalize(kept[i].Vector, row);
            var (scale, codeSum) = Int8Quantization.Quantize(row, _codes.AsSpan(i * dimensions, dimensions));
            _scales[i] = scale;
            _scaledCodeSums[i] = scale * codeSum;
        }
    }

    /// <summary>The vectors' dimension.</summary>
    public int Dimensions { get; }

    /// <summary>How many examples the filter kept.</summary>
    public int Count => _ids.Length;

    /// <summary>The <paramref name="k"/> examples closest to the query, most similar first: a scan of the 8-bit copy, then an exact re-rank of the examples it could not rule out.</summary>
    public IReadOnlyList<SimilarExample> TopK(ReadOnlySpan<float> query, int k) => Search(query, k).Hits;

    /// <summary>
    /// The same answer by a plain scan of every float vector: the reference <see cref="TopK"/> is tested against
    /// and the baseline its bench compares with.
    /// </summary>
    public IReadOnlyList<SimilarExample> ExactTopK(ReadOnlySpan<float> query, int k)
    {
        var normalized = NormalizedQuery(query, k);
        var best = new BestList(Math.Min(k, Count));
        for (var row = 0; row < Count; row++)
        {
            best.Offer(row, ExactScore(row, normalized));
        }

        return Hits(best);
    }

    /// <summary>The search with how many examples were re-ranked exactly (the rest were ruled out by the 8-bit scan).</summary>
    internal (IReadOnlyList<SimilarExample> Hits, int Reranked) Search(ReadOnlySpan<float> query, int k)
    {
        var normalized = NormalizedQuery(query, k);
        var take = Math.Min(k, Count);
        var queryCodes = new sbyte[Dimensions];
        var (queryScale, _) = Int8Quantization.Quantize(normalized, queryCodes);
        var scan = new Scan(new Int8Query(queryCodes), queryScale, TensorPrimitives.SumOfMagnitudes(normalized) / 2);
        var upper = ArrayPool<float>.Shared.Rent(Count);
        try
        {
            var floor = ScanRange(0, Count, scan, take, upper);

            // At least `take` examples have a cosine of at least the floor's last value, so one whose upper bound is
            // below it is never among the best `take`.
            var threshold = floor.Count == take && take > 0 ? floor.LastScore : float.NegativeInfinity;
            var best = new BestList(take);
            var reranked = 0;
            for (var row = 0; row < Count; row++)
            {
                if (upper[row] >= threshold)
                {
                    reranked++;
                    best.Offer(row, ExactScore(row, normalized));
                }
            }

            return (Hits(best), reranked);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(upper);
        }
    }

    /// <summary>
    /// Scans examples [from, to): writes each one's upper bound and returns the best <paramref name="take"/> lower bounds.
    /// cos = row · query; with row = s_r·a + e (|e_i| ≤ s_r/2) and query = s_q·b + f (|f_i| ≤ s_q/2):
    /// |cos − s_r·s_q·(a·b)| ≤ s_r/2 · ‖query‖₁ + s_q/2 · s_r·Σ|a_i|.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private BestList ScanRange(int from, int to, Scan scan, int take, float[] upper)
    {
        var floor = new BestList(take);
        var halfQueryScale = scan.QueryScale / 2;
        for (var row = from; row < to; row++)
        {
            var estimate = _scales[row] * scan.QueryScale * Int8Dot.Dot(_codes.AsSpan(row * Dimensions, Dimensions), scan.Query);
            var error = (_scales[row] * scan.HalfQueryL1) + (halfQueryScale * _scaledCodeSums[row]) + RoundingSlack;
            upper[row] = estimate + error;
            floor.Offer(row, estimate - error);
        }

        return floor;
    }

    private float ExactScore(int row, ReadOnlySpan<float> normalizedQuery) => TensorPrimitives.Dot(_rows.AsSpan(row * Dimensions, Dimensions), normalizedQuery);

    private sealed record Scan(Int8Query Query, float QueryScale, float HalfQueryL1);

    private float[] NormalizedQuery(ReadOnlySpan<float> query, int k)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(k);
        if (query.Length != Dimensions)
        {
            throw new ArgumentException($"The query has {query.Length} dimensions; the index has {Dimensions}.", nameof(query));
        }

        var normalized = new float[Dimensions];
        Normalize(query, normalized);
        return normalized;
    }

    private List<SimilarExample> Hits(BestList best) =>
        Enumerable.Range(0, best.Count).Select(i => new SimilarExample(_ids[best.Row(i)], Math.Clamp(best.Score(i), -1, 1))).ToList();

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

    /// <summary>The best rows so far, highest score first; of equal scores the row offered first stays ahead.</summary>
    private sealed class BestList(int capacity)
    {
        private readonly int[] _rows = new int[capacity];
        private readonly float[] _scores = new float[capacity];

        public int Count { get; private set; }

        public float LastScore => _scores[Count - 1];

        public int Row(int i) => _rows[i];

        public float Score(int i) => _scores[i];

        public void Offer(int row, float score)
        {
            if (capacity == 0 || (Count == capacity && score <= _scores[capacity - 1]))
            {
                return;
            }

            // Insertion into the short sorted list.
            var at = Count == capacity ? capacity - 1 : Count++;
            while (at > 0 && _scores[at - 1] < score)
            {
                _scores[at] = _scores[at - 1];
                _rows[at] = _rows[at - 1];
                at--;
            }

            _scores[at] = score;
            _rows[at] = row;
        }
    }
}
