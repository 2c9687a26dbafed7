using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Abm.HubSpot.Auth;
using Abm.HubSpot.RateLimiting;
using Abm.HubSpot.Resilience;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Timeout;

namespace Abm.HubSpot.Http;

/// <summary>
/// Sends one logical call: pace it (limiter), authenticate it, retry what is transient, read HubSpot's
/// errors into exceptions, refresh an expired OAuth token once. Every feature client goes through here.
/// </summary>
internal sealed class HubSpotTransport : IDisposable
{
    private readonly HttpClient _http;
    private readonly Uri _baseUrl;
    private readonly HubSpotAuthentication _authentication;
    private readonly TimeProvider _time;
    private readonly ResiliencePipeline _pipeline;
    private readonly ResiliencePipeline _attemptTimeout;
    private readonly ILogger _logger;
    private readonly HubSpotTelemetry _telemetry;

    public HubSpotTransport(HttpClient http, HubSpotClientOptions options, HubSpotAuthentication authentication, TimeProvider time, ILogger logger)
    {
        _http = http;
        _baseUrl = options.BaseUrl;
        _authentication = authentication;
        _time = time;
        _logger = logger;
        Paths = new HubSpotPaths(options.CrmObjectsPath);
        Limiter = new PortalRateLimiter(options.RateLimits, authentication.IsOAuth, time);
        _pipeline = HubSpotResiliencePipeline.Build(options.Retries, time, (failure, attempt, delay) =>
            HubSpotTransportLog.Retrying(_logger, failure?.Message ?? "unknown failure", attempt, delay));
        _attemptTimeout = HubSpotResiliencePipeline.BuildAttemptTimeout(options.Retries, time);
        _telemetry = new HubSpotTelemetry(options.Meter);
    }

    public HubSpotPaths Paths { get; }

    public PortalRateLimiter Limiter { get; }

    public HubSpotCallCounters Counters { get; } = new();

    /// <summary>
    /// Sends the call and reads the answer's JSON body as <typeparamref name="T"/> (default for an empty body).
    /// Reading is part of the attempt, so a cut or garbled body is retried like a dropped connection.
    /// </summary>
    public async Task<T?> SendAsync<T>(HubSpotRequest request, CancellationToken cancellationToken)
    {
        using var span = HubSpotTelemetry.Tracing.StartActivity(request.Operation, ActivityKind.Client);
        span?.SetTag("http.request.method", request.Method.Method);
        span?.SetTag("url.template", HubSpotTelemetry.Route(request.Operation));
        try
        {
            return await SendOnceRefreshedAsync<T>(request, cancellationToken);
        }
        catch (Exception error) when (span is not null)
        {
            span.SetStatus(ActivityStatusCode.Error, error.Message);
            throw;
        }
    }

    private async Task<T?> SendOnceRefreshedAsync<T>(HubSpotRequest request, CancellationToken cancellationToken)
    {
        var usedToken = new StrongBox<string?>();
        try
        {
            return await ExecuteAsync<T>(request, usedToken, cancellationToken);
        }
        catch (HubSpotApiException exception) when (exception.Category == HubSpotErrorDetails.ExpiredAuthentication && usedToken.Value is not null)
        {
            if (!await _authentication.RefreshRejectedAsync(usedToken.Value, cancellationToken))
            {
                throw;
            }
        }

        // Exactly one refresh per call: a second expiry answer surfaces as an authentication failure.
        HubSpotTransportLog.RefreshedAfterExpiry(_logger, request.Operation);
        try
        {
            return await ExecuteAsync<T>(request, usedToken, cancellationToken);
        }
        catch (HubSpotApiException again) when (again.Category == HubSpotErrorDetails.ExpiredAuthentication)
        {
            throw new HubSpotAuthenticationException($"HubSpot rejected the refreshed OAuth token for {request.Operation} as expired.", again);
        }
    }

    private async Task<T?> ExecuteAsync<T>(HubSpotRequest request, StrongBox<string?> usedToken, CancellationToken cancellationToken)
    {
        try
        {
            return await _pipeline.ExecuteAsync(
                async attemptToken => await AttemptAsync<T>(request, usedToken, attemptToken),
                cancellationToken);
        }
        catch (Exception exception) when (exception is TimeoutRejectedException or HttpRequestException or IOException && !cancellationToken.IsCancellationRequested)
        {
            throw new HubSpotApiException(HubSpotErrorDetails.NoAnswer(request.Operation, exception.Message), exception);
        }
    }

    private async Task<T?> AttemptAsync<T>(HubSpotRequest request, StrongBox<string?> usedToken, CancellationToken cancellationToken)
    {
        var token = await _authentication.GetAccessTokenAsync(_time, cancellationToken);
        usedToken.Value = token;
        await Limiter.AcquireAsync(request.IsSearch, cancellationToken);
        return await _attemptTimeout.ExecuteAsync(async ct => await ExchangeAsync<T>(request, token, ct), cancellationToken);
    }

    private async Task<T?> ExchangeAsync<T>(HubSpotRequest request, string token, CancellationToken cancellationToken)
    {
        using var message = request.ToMessage(_baseUrl, token);
        Counters.CountCall();
        var started = _time.GetTimestamp();
        var status = 0;
        HttpResponseMessage response;
        byte[] body;
        try
        {
            response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            body = await ReadAsync(response, cancellationToken);
            status = (int)response.StatusCode;
        }
        finally
        {
            _telemetry.Attempted(request, status, _time.GetElapsedTime(started));
        }

        using var answered = response;
        if (Limiter.Observe(response.Headers) is { } remaining)
        {
            _telemetry.Remaining(remaining);
        }

        if (response.IsSuccessStatusCode)
        {
            try
            {
                return body.Length == 0 ? default : JsonSerializer.Deserialize<T>(body, HubSpotJson.Options);
            }
            catch (JsonException exception)
            {
                throw new HubSpotApiException(HubSpotErrorDetails.NoAnswer(request.Operation, $"unreadable response body: {exception.Message}"), exception);
            }
        }

        var details = HubSpotErrorDetails.Parse(request.Operation, response.StatusCode, System.Text.Encoding.UTF8.GetString(body), RetryAfterOf(response));
        var failure = HubSpotFailures.ToException(details);
        if (HubSpotFailures.IsRateLimited(failure))
        {
            Counters.CountRateLimited();
            _telemetry.RateLimited();
            Limiter.OnRateLimited(request.IsSearch);
        }

        throw failure;
    }

    /// <summary>The whole body; on a cut connection the answer is disposed here, since the caller never gets it.</summary>
    private static async Task<byte[]> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadAsByteArrayAsync(cancellationToken);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    private TimeSpan? RetryAfterOf(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - _time.GetUtcNow() is { Ticks: > 0 } wait ? wait : TimeSpan.Zero,
        _ => null,
    };

    public void Dispose() => Limiter.Dispose();
}
