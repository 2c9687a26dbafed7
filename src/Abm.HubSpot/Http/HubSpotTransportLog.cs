using Microsoft.Extensions.Logging;

namespace Abm.HubSpot.Http;

/// <summary>The transport's log lines. They name operations (verb and path) only, never headers or tokens.</summary>
internal static partial class HubSpotTransportLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "HubSpot call failed ({Failure}); retry {Attempt} in {Delay}")]
    public static partial void Retrying(ILogger logger, string failure, int attempt, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Information, Message = "OAuth access token expired during {Operation}; refreshed it and retrying once")]
    public static partial void RefreshedAfterExpiry(ILogger logger, string operation);
}
