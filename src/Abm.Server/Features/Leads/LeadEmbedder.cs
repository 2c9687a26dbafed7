using System.Runtime.InteropServices;
using Abm.Engines.Leads;

namespace Abm.Server.Features.Leads;

/// <summary>
/// Turns lead and ideal-client documents into vectors, and vectors into the bytes the database keeps. Today the
/// one model is the engine's hashed feature embedding (offline, no model file); every stored vector carries the
/// model name and dimension, so vectors of another model are never compared with these.
/// </summary>
internal sealed class LeadEmbedder
{
    private readonly Func<string, float[]> _embed = HashedFeatureEmbedding.Embed;

    public string Model { get; } = HashedFeatureEmbedding.ModelName;

    public int Dimensions { get; } = HashedFeatureEmbedding.Dimensions;

    public float[] Embed(string document) => _embed(document);

    /// <summary>Little-endian IEEE floats, the layout of the machine (every platform .NET runs on here is little-endian).</summary>
    public static byte[] ToBytes(float[] vector) => MemoryMarshal.AsBytes(vector.AsSpan()).ToArray();

    public static float[] FromBytes(byte[] bytes) => MemoryMarshal.Cast<byte, float>(bytes).ToArray();
}
