using Abm.Server.Features.Marketing;
using Abm.Server.Features.Sync;

namespace Abm.Server.Tests.Marketing;

/// <summary>The sync keeps an email event's emailCampaignId in its metadata, and the marketing figures read it back from there.</summary>
public sealed class EmailEventCampaignTests
{
    [Theory]
    [InlineData("https://example.com/guide", 710001L, """{"detail":"https://example.com/guide","emailCampaignId":710001}""")]
    [InlineData(null, 710002L, """{"emailCampaignId":710002}""")]
    [InlineData("Webinar form", null, """{"detail":"Webinar form"}""")]
    [InlineData(null, null, null)]
    public void Metadata_PulledEvent_KeepsWhatItHasAndTheCampaignIdReadsBack(string? detail, long? emailCampaignId, string? expected)
    {
        var pulled = new PulledEvent("hubspot-email-1", Guid.NewGuid(), "email_open", new DateTime(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc), detail, null, emailCampaignId);

        pulled.Metadata.ShouldBe(expected);
        MarketingEmailEvents.CampaignIdOf(pulled.Metadata).ShouldBe(emailCampaignId);
    }
}
