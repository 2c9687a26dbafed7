namespace Abm.HubSpot.Sandbox.Persistence;

/// <summary>
/// State shared by every portal (clock, OAuth tokens, webhook subscriptions) as the data file keeps it; registered
/// with <c>services.AddSingleton&lt;ISandboxSection, TheSection&gt;()</c>.
/// </summary>
internal interface ISandboxSection
{
    string Name { get; }

    string Save();

    void Load(string data);
}
