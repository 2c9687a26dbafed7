using Abm.HubSpot.Sandbox.Hosting;

namespace Abm.HubSpot.Sandbox;

/// <summary>
/// The sandbox executable's entry point. A named class rather than top-level statements: ABM Engine's server references
/// this assembly for its demo mode, and two global <c>Program</c> types would collide in its OpenAPI documentation.
/// </summary>
internal static class SandboxEntryPoint
{
    public static Task<int> Main(string[] args) => SandboxProgram.RunAsync(args, Console.Out, Console.Error, CancellationToken.None);
}
