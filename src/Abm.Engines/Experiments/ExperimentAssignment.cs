using System.Security.Cryptography;
using System.Text;

namespace Abm.Engines.Experiments;

/// <summary>One arm of an experiment and its share of the units not held out (shares are relative, any positive numbers).</summary>
public sealed record ExperimentArm(string Key, double Weight);

/// <summary>
/// Which arm a unit (in ABM an account, so colleagues on one buying committee see the same thing and do not
/// contaminate each other) is in. Deterministic: the same unit lands in the same arm of the same experiment on every
/// server and every call, from a hash of the experiment's salt and the unit; nothing is stored to remember it.
/// </summary>
public static class ExperimentAssignment
{
    /// <summary>The units kept out of every arm: they get what everyone gets without the experiment, and are not counted.</summary>
    public const string Holdout = "holdout";

    public static string Assign(string salt, string unitKey, IReadOnlyList<ExperimentArm> arms, double holdoutShare)
    {
        ArgumentNullException.ThrowIfNull(arms);
        if (arms.Count == 0 || arms.Any(a => !(a.Weight > 0)))
        {
            throw new ArgumentException("An experiment needs at least one arm, each with a positive weight.", nameof(arms));
        }

        if (holdoutShare is < 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(holdoutShare), holdoutShare, "The holdout share is at least 0 and below 1.");
        }

        var u = Uniform(salt, unitKey);
        if (u < holdoutShare)
        {
            return Holdout;
        }

        // The rest of the unit interval, rescaled to 0..total weight, is cut into the arms' shares in order.
        var point = (u - holdoutShare) / (1 - holdoutShare) * arms.Sum(a => a.Weight);
        foreach (var arm in arms)
        {
            if (point < arm.Weight)
            {
                return arm.Key;
            }

            point -= arm.Weight;
        }

        return arms[^1].Key; // rounding at the very top of the interval
    }

    /// <summary>A number in [0, 1) fixed by the salt and the unit: the first 8 bytes of their SHA-256, as a fraction of 2^64.</summary>
    internal static double Uniform(string salt, string unitKey)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes($"{salt}\n{unitKey}"), hash);
        var bits = BitConverter.ToUInt64(hash[..8]);
        return (bits >> 11) * (1.0 / (1UL << 53));
    }
}
