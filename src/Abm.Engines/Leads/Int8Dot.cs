using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Abm.Engines.Leads;

/// <summary>A query's 8-bit codes in the two forms the dot products read, and the sum the VNNI path corrects by.</summary>
internal sealed class Int8Query
{
    public Int8Query(sbyte[] codes)
    {
        Codes = codes;
        Widened = Array.ConvertAll(codes, c => (short)c);
        VnniCodeSum = codes.Take(codes.Length / 32 * 32).Sum(c => (int)c);
    }

    public sbyte[] Codes { get; }

    public short[] Widened { get; }

    /// <summary>Σ of the codes the VNNI path reads 32 at a time (all but a tail of fewer than 32).</summary>
    public int VnniCodeSum { get; }
}

/// <summary>
/// The exact integer dot product of an example's 8-bit codes with a query's. The similarity scan calls it once per
/// stored example, so it is the inner loop of the search. With AVX-VNNI one instruction multiplies 32 byte pairs
/// and adds them into 32-bit lanes (it takes unsigned × signed bytes, so the row is shifted by 128 with an XOR and
/// 128 × Σ query is taken off again); with AVX2 16 bytes are widened to 16 bits and multiplied and added in pairs.
/// No overflow: 384 × 255 × 127 fits in 32 bits easily.
/// </summary>
internal static class Int8Dot
{
    /// <summary>Σ row[i] × query[i], through the fastest path the processor has.</summary>
    /// <remarks>
    /// Compiled fully optimised from the first call: the scan calls this 100,000 times a query, and the tiered
    /// JIT's first, unoptimised code for vector intrinsics is many times slower than the scan itself.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Dot(ReadOnlySpan<sbyte> row, Int8Query query)
    {
        if (row.Length != query.Codes.Length)
        {
            throw new ArgumentException("The vectors differ in length.", nameof(query));
        }

        return AvxVnni.IsSupported ? DotVnni(row, query) : Avx2.IsSupported ? DotAvx2(row, query.Widened) : DotScalar(row, query.Widened, 0);
    }

    /// <summary>The plain loop from <paramref name="start"/> on: the reference the SIMD paths are tested against, and their tail.</summary>
    public static int DotScalar(ReadOnlySpan<sbyte> row, ReadOnlySpan<short> query, int start)
    {
        var sum = 0;
        for (var i = start; i < row.Length; i++)
        {
            sum += row[i] * query[i];
        }

        return sum;
    }

    /// <summary>The AVX-VNNI path (callers check <see cref="AvxVnni.IsSupported"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int DotVnni(ReadOnlySpan<sbyte> row, Int8Query query)
    {
        ref var rowStart = ref MemoryMarshal.GetReference(row);
        ref var queryStart = ref MemoryMarshal.GetArrayDataReference(query.Codes);
        var shift = Vector256.Create((sbyte)-128);
        var first = Vector256<int>.Zero;
        var second = Vector256<int>.Zero;
        var i = 0;

        // Two independent sums so consecutive multiply-adds do not wait on each other.
        for (; i + 64 <= row.Length; i += 64)
        {
            first = AvxVnni.MultiplyWideningAndAdd(first, (Vector256.LoadUnsafe(ref rowStart, (nuint)i) ^ shift).AsByte(), Vector256.LoadUnsafe(ref queryStart, (nuint)i));
            second = AvxVnni.MultiplyWideningAndAdd(second, (Vector256.LoadUnsafe(ref rowStart, (nuint)(i + 32)) ^ shift).AsByte(), Vector256.LoadUnsafe(ref queryStart, (nuint)(i + 32)));
        }

        if (i + 32 <= row.Length)
        {
            first = AvxVnni.MultiplyWideningAndAdd(first, (Vector256.LoadUnsafe(ref rowStart, (nuint)i) ^ shift).AsByte(), Vector256.LoadUnsafe(ref queryStart, (nuint)i));
            i += 32;
        }

        // The shifted codes [0, i) added 128 × their query codes too much; the tail is added as it is.
        return Vector256.Sum(first + second) - (128 * query.VnniCodeSum) + DotScalar(row, query.Widened, i);
    }

    /// <summary>The AVX2 path (callers check <see cref="Avx2.IsSupported"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int DotAvx2(ReadOnlySpan<sbyte> row, ReadOnlySpan<short> query)
    {
        ref var rowStart = ref MemoryMarshal.GetReference(row);
        ref var queryStart = ref MemoryMarshal.GetReference(query);
        var first = Vector256<int>.Zero;
        var second = Vector256<int>.Zero;
        var i = 0;
        for (; i + 32 <= row.Length; i += 32)
        {
            first = Avx2.Add(first, MultiplyAdd(ref rowStart, ref queryStart, i));
            second = Avx2.Add(second, MultiplyAdd(ref rowStart, ref queryStart, i + 16));
        }

        if (i + 16 <= row.Length)
        {
            first = Avx2.Add(first, MultiplyAdd(ref rowStart, ref queryStart, i));
            i += 16;
        }

        return Vector256.Sum(Avx2.Add(first, second)) + DotScalar(row, query, i);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<int> MultiplyAdd(ref sbyte row, ref short query, int at)
    {
        var widened = Avx2.ConvertToVector256Int16(Vector128.LoadUnsafe(ref row, (nuint)at));
        return Avx2.MultiplyAddAdjacent(widened, Vector256.LoadUnsafe(ref query, (nuint)at));
    }
}
