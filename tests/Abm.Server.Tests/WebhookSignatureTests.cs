using System.Text;
using Abm.HubSpot.Webhooks;

namespace Abm.Server.Tests;

/// <summary>HubSpot's published test vectors and the URI decoding it signs with.</summary>
public sealed class WebhookSignatureTests
{
    private const string Secret = "yyyyyyyy-yyyy-yyyy-yyyy-yyyyyyyyyyyy";
    private const string Uri = "https://www.example.com/webhook_uri";
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"example_field":"example_value"}""");

    [Fact]
    public void V3_HubSpotVector_MatchesPublishedSignature() =>
        WebhookSignature.V3(Secret, "POST", Uri, Body, "1700000000000").ShouldBe("rQEKkaNUiu+1qGF//O/pw4BCzstSqO1PyUnGICmf+7o=");

    [Fact]
    public void V2_HubSpotVector_MatchesPublishedSignature() =>
        WebhookSignature.V2(Secret, "POST", Uri, Body).ShouldBe("9569219f8ba981ffa6f6f16aa0f48637d35d728c7e4d93d0d52efaa512af7900");

    [Fact]
    public void V1_SecretAndBody_IsHexSha256OfTheirConcatenation() =>
        WebhookSignature.V1(Secret, Body).ShouldBe(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(Secret + """{"example_field":"example_value"}"""))));

    [Fact]
    public void V3_UriWithEscapesHubSpotDecodes_SignsTheDecodedForm()
    {
        var escaped = WebhookSignature.V3(Secret, "POST", "https://www.example.com/webhook_uri?a=%3A%2f%40%21%24%27%28%29%2A%2C%3B%3F", Body, "1700000000000");

        escaped.ShouldBe(WebhookSignature.V3(Secret, "POST", "https://www.example.com/webhook_uri?a=:/@!$'()*,;?", Body, "1700000000000"));
    }

    [Fact]
    public void NormalizeUri_OtherEscapes_StayAsSent() =>
        WebhookSignature.NormalizeUri("https://x.example/p%20q?v=a%26b%3Dc%2").ShouldBe("https://x.example/p%20q?v=a%26b%3Dc%2");

    [Theory]
    [InlineData("rQEKkaNUiu+1qGF//O/pw4BCzstSqO1PyUnGICmf+7o=", true)]
    [InlineData("rQEKkaNUiu+1qGF//O/pw4BCzstSqO1PyUnGICmf+7p=", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Matches_ReceivedSignature_TrueOnlyForTheExactValue(string? received, bool expected) =>
        WebhookSignature.Matches("rQEKkaNUiu+1qGF//O/pw4BCzstSqO1PyUnGICmf+7o=", received).ShouldBe(expected);

    [Fact]
    public void Matches_HexInUpperCase_IsTheSameSignature() =>
        WebhookSignature.Matches("9569219f8ba981ffa6f6f16aa0f48637d35d728c7e4d93d0d52efaa512af7900",
            "9569219F8BA981FFA6F6F16AA0F48637D35D728C7E4D93D0D52EFAA512AF7900").ShouldBeTrue();

    [Theory]
    [InlineData("1700000000000", true)]
    [InlineData("-5", false)]
    [InlineData("17e11", false)]
    [InlineData("99999999999999999999", false)]
    [InlineData(null, false)]
    public void TryParseTimestamp_Header_AcceptsEpochMillisecondsOnly(string? header, bool expected) =>
        WebhookSignature.TryParseTimestamp(header, out _).ShouldBe(expected);
}
