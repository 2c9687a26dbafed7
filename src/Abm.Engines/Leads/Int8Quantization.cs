namespace Abm.Engines.Leads;

/// <summary>
/// Symmetric 8-bit quantisation of one vector with its own scale: value ≈ scale × code, code in [-127, 127],
/// scale = largest magnitude / 127. Each code is off by at most half a scale step, which is what the similarity
/// search's error bound is built from.
/// </summary>
internal static class Int8Quantization
{
    /// <summary>Writes the codes of <paramref name="vector"/> and returns its scale and the sum of the codes' magnitudes.</summary>
    public static (float Scale, int AbsoluteCodeSum) Quantize(ReadOnlySpan<float> vector, Span<sbyte> codes)
    {
        var largest = 0f;
        foreach (var value in vector)
        {
            largest = MathF.Max(largest, MathF.Abs(value));
        }

        if (largest == 0)
        {
            codes.Clear();
            return (0, 0);
        }

        var scale = largest / 127f;
        var absoluteSum = 0;
        for (var i = 0; i < vector.Length; i++)
        {
            var code = (sbyte)Math.Clamp(MathF.Round(vector[i] / scale), -127, 127);
            codes[i] = code;
            absoluteSum += Math.Abs(code);
        }

        return (scale, absoluteSum);
    }
}
