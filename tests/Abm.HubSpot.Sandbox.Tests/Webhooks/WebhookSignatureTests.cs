using Abm.HubSpot.Sandbox.Webhooks;

namespace Abm.HubSpot.Sandbox.Tests.Webhooks;

public sealed class WebhookSignatureTests
{
    private const string Secret = "yyyyyyyy-yyyy-yyyy-yyyy-yyyyyyyyyyyy";
    private const string Body = "{\"example_field\":\"example_value\"}";

    [Fact]
    public void V3_HubSpotTestVector_MatchesPublishedSignature()
    {
        var signature = WebhookSignature.V3(Secret, "POST", "https://www.example.com/webhook_uri", Body, 1700000000000);

        signature.ShouldBe("rQEKkaNUiu+1qGF//O/pw4BCzstSqO1PyUnGICmf+7o=");
    }

    [Fact]
    public void V3_DifferentTimestamp_ChangesSignature()
    {
        var signature = WebhookSignature.V3(Secret, "POST", "https://www.example.com/webhook_uri", Body, 1700000000001);

        signature.ShouldNotBe("rQEKkaNUiu+1qGF//O/pw4BCzstSqO1PyUnGICmf+7o=");
    }

    [Fact]
    public void V1_SecretAndBody_IsLowercaseHexSha256()
    {
        var signature = WebhookSignature.V1(Secret, Body);

        signature.Length.ShouldBe(64);
        signature.ShouldBe(signature.ToLowerInvariant());
        signature.ShouldNotBe(WebhookSignature.V1(Secret, Body + " "));
    }
}
