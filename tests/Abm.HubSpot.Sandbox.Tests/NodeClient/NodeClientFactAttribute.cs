namespace Abm.HubSpot.Sandbox.Tests.NodeClient;

/// <summary>
/// A fact that needs Node.js and HubSpot's official client installed next to the fidelity script
/// (<c>npm install --prefix tests/Abm.HubSpot.Sandbox.Tests/NodeClient</c>, done by the test script).
/// Without them the test is reported as skipped, with the reason, never as passed.
/// </summary>
public sealed class NodeClientFactAttribute : FactAttribute
{
    public NodeClientFactAttribute()
    {
        if (NodeClientScript.Directory is null)
        {
            Skip = "The fidelity script folder was not found next to the test project.";
        }
        else if (!File.Exists(Path.Combine(NodeClientScript.Directory, "node_modules", "@hubspot", "api-client", "package.json")))
        {
            Skip = $"@hubspot/api-client is not installed; run npm install --prefix {NodeClientScript.Directory}";
        }
        else if (NodeClientScript.NodeExecutable is null)
        {
            Skip = "node is not on the PATH.";
        }
    }
}
