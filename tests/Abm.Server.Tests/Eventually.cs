using System.Runtime.CompilerServices;

namespace Abm.Server.Tests;

/// <summary>Waits for work the server finishes in the background (scoring, performance) instead of sleeping blindly.</summary>
internal static class Eventually
{
    public static async Task<T> WaitForAsync<T>(Func<Task<T?>> probe, string what, int timeoutSeconds = 10)
        where T : class
    {
        var deadline = TimeProvider.System.GetUtcNow().AddSeconds(timeoutSeconds);
        while (TimeProvider.System.GetUtcNow() < deadline)
        {
            if (await probe() is { } done)
            {
                return done;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"{what} did not happen within {timeoutSeconds} s.");
    }

    public static async Task<T> WaitForValueAsync<T>(Func<Task<T?>> probe, string what, int timeoutSeconds = 10)
        where T : struct =>
        ((StrongBox<T>)await WaitForAsync<object>(async () => await probe() is { } value ? new StrongBox<T>(value) : null, what, timeoutSeconds)).Value;
}
