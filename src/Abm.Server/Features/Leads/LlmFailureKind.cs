using System.ClientModel;
using Anthropic.Exceptions;

namespace Abm.Server.Features.Leads;

/// <summary>How a request to a model failed, read from either SDK's exceptions, and whether sending it again may help.</summary>
internal sealed record LlmFailureKind(string Outcome, int? HttpStatus, bool Transient)
{
    public static readonly LlmFailureKind Timeout = new("timeout", null, true);

    /// <summary>The provider answered something the SDK could not read as its wire format.</summary>
    public static readonly LlmFailureKind Unusable = new("unusable_reply", null, false);

    /// <summary>Anything else that failed (a local model's error, say): not worth repeating.</summary>
    public static readonly LlmFailureKind Failed = new("failed", null, false);

    private static readonly LlmFailureKind Unreachable = new("unreachable", null, true);

    /// <summary>The failure an exception of either SDK (or of the HTTP stack under it) means; null for anything else.</summary>
    public static LlmFailureKind? Of(Exception error) => error switch
    {
        AnthropicApiException api => OfStatus((int)api.StatusCode),
        AnthropicIOException => Unreachable,
        ClientResultException result => result.Status == 0 ? Unreachable : OfStatus(result.Status),
        HttpRequestException http => http.StatusCode is { } status ? OfStatus((int)status) : Unreachable,
        _ => null,
    };

    public static LlmFailureKind OfStatus(int status) => status switch
    {
        429 => new("rate_limited", status, true),
        408 => new("timeout", status, true),
        >= 500 => new("server_error", status, true),
        _ => new("refused", status, false),
    };

    public string Describe() => Outcome switch
    {
        "rate_limited" => "rate limited (429)",
        "server_error" => $"server error ({HttpStatus})",
        "timeout" => HttpStatus is null ? "timed out" : $"timed out ({HttpStatus})",
        "unreachable" => "unreachable",
        "unusable_reply" => "answered in a form the SDK could not read",
        "failed" => "failed",
        _ => $"refused the request ({HttpStatus})",
    };
}
