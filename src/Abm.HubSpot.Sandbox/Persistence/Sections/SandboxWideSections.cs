using Abm.HubSpot.Sandbox.Clock;
using Abm.HubSpot.Sandbox.OAuth;
using Abm.HubSpot.Sandbox.Webhooks;

namespace Abm.HubSpot.Sandbox.Persistence.Sections;

/// <summary>The simulated clock resumes where it stopped, at the speed it had.</summary>
internal sealed class ClockSection(SimulatedClock clock) : ISandboxSection
{
    public string Name => "clock";

    public string Save() => StoredJson.Write(new StoredClock(clock.GetUtcNow(), clock.Speed));

    public void Load(string data)
    {
        var stored = StoredJson.Read<StoredClock>(data);
        clock.SetNow(stored.Now);
        clock.SetSpeed(stored.Speed);
    }

    private sealed record StoredClock(DateTimeOffset Now, double Speed);
}

/// <summary>OAuth codes, refresh tokens and access tokens, so that installed clients stay connected.</summary>
internal sealed class OAuthSection(OAuthTokenStore tokens) : ISandboxSection
{
    public string Name => "oauth";

    public string Save() => StoredJson.Write(tokens.Export());

    public void Load(string data) => tokens.Import(StoredJson.Read<OAuthTokens>(data));
}

/// <summary>The app's webhook target, throttling and subscriptions.</summary>
internal sealed class WebhooksSection(WebhookStore webhooks) : ISandboxSection
{
    public string Name => "webhooks";

    public string Save() => StoredJson.Write(webhooks.Export());

    public void Load(string data) => webhooks.Import(StoredJson.Read<WebhookConfiguration>(data));
}
