using System.Globalization;
using Abm.HubSpot.Sandbox.Http;

namespace Abm.HubSpot.Sandbox.Tests.Http;

public sealed class HubSpotTimeTests
{
    [Theory]
    [InlineData("2026-03-02T09:15:30.250Z", "2026-03-02T09:15:30.250Z")]
    [InlineData("2026-03-02", "2026-03-02T00:00:00.000Z")]
    [InlineData("1772442930250", "2026-03-02T09:15:30.250Z")]
    [InlineData("2026-03-02T10:15:30+01:00", "2026-03-02T09:15:30.000Z")]
    public void TryParse_SupportedFormats_ReadsTheSameInstant(string input, string expected)
    {
        HubSpotTime.TryParse(input, out var time).ShouldBeTrue();

        HubSpotTime.Format(time).ShouldBe(expected);
    }

    [Theory]
    [InlineData("2026-02-30")]
    [InlineData("2026-13-01T00:00:00.000Z")]
    [InlineData("0000-01-01")]
    [InlineData("yesterday")]
    [InlineData("")]
    public void TryParse_InvalidDates_ReturnsFalse(string input)
    {
        HubSpotTime.TryParse(input, out _).ShouldBeFalse();
    }

    [Fact]
    public void Format_RandomInstants_MatchesTheIsoFormatString()
    {
        var random = new Random(11);
        for (var i = 0; i < 10_000; i++)
        {
            var time = new DateTimeOffset(random.NextInt64(DateTime.MinValue.Ticks, DateTime.MaxValue.Ticks), TimeSpan.Zero)
                .ToOffset(TimeSpan.FromMinutes(random.Next(-12, 14) * 60));

            HubSpotTime.Format(time).ShouldBe(time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
        }
    }
}
