namespace Abm.Engines.Leads;

/// <summary>
/// A small deterministic embedding of a <see cref="LeadDocument"/>: each whitespace-separated word is hashed
/// (FNV-1a) into one of <see cref="Dimensions"/> slots with a sign from another bit of the hash, and the vector is
/// normalised. Documents that share feature words get a high cosine. It needs no model file, so it is the
/// embedding the benchmarks and tests can always run; a sentence-embedding model can replace it.
/// </summary>
public static class HashedFeatureEmbedding
{
    /// <summary>The model name recorded with its vectors.</summary>
    public const string ModelName = "abm-hashed-features-v1";

    /// <summary>The vectors' dimension.</summary>
    public const int Dimensions = 256;

    /// <summary>The document's vector (all zeros for an empty document).</summary>
    public static float[] Embed(string document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var vector = new float[Dimensions];
        foreach (var word in document.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            // Free text (the title after "title:") counts less than a feature word.
            var weight = word.Contains(':', StringComparison.Ordinal) ? 1f : 0.25f;
            var hash = Fnv1a(word.ToLowerInvariant());
            vector[(int)(hash % Dimensions)] += (hash & 0x8000_0000) == 0 ? weight : -weight;
        }

        var norm = System.Numerics.Tensors.TensorPrimitives.Norm(vector);
        if (norm > 0)
        {
            System.Numerics.Tensors.TensorPrimitives.Divide(vector, norm, vector);
        }

        return vector;
    }

    private static uint Fnv1a(string text)
    {
        var hash = 2_166_136_261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16_777_619u;
        }

        return hash;
    }
}
