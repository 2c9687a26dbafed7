using System.Text.Json;
using Abm.Data;
using Npgsql;

namespace Abm.Server.Features.Live;

/// <summary>
/// Carries live notices between server instances that share a PostgreSQL database: each notice raised here is
/// sent with <c>pg_notify</c> on one channel, and a connection kept open for <c>LISTEN</c> hands the others'
/// notices to the hub. On SQLite (one instance) it does nothing. A lost connection is opened again after a pause;
/// notices sent meanwhile are missed, which costs an open page one refresh, never data.
/// </summary>
internal sealed partial class PostgresLiveRelay(LiveHub hub, DatabaseTarget target, TimeProvider clock, ILogger<PostgresLiveRelay> logger) : BackgroundService
{
    /// <summary>The PostgreSQL notification channel every instance listens on.</summary>
    public const string Channel = "abm_live";

    private static readonly TimeSpan Pause = TimeSpan.FromSeconds(2);
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Done once this instance listens (the first time); never done on SQLite.</summary>
    public Task Listening => _listening.Task;

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (target.Provider != DatabaseProvider.PostgreSql)
        {
            return Task.CompletedTask;
        }

        hub.Relayed = true;
        return Task.WhenAll(ListenAsync(stoppingToken), SendAsync(stoppingToken));
    }

    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(target.ConnectionString);
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, e) => Receive(e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                _listening.TrySetResult();
                while (true)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error)
            {
                LogListenFailed(Pause.TotalSeconds, error);
                await PauseAsync(stoppingToken);
            }
        }
    }

    private async Task SendAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await hub.Outgoing.WaitToReadAsync(stoppingToken))
            {
                try
                {
                    await using var connection = new NpgsqlConnection(target.ConnectionString);
                    await connection.OpenAsync(stoppingToken);
                    // Everything queued goes on one connection.
                    while (hub.Outgoing.TryRead(out var notice))
                    {
                        await using var notify = new NpgsqlCommand("SELECT pg_notify(@channel, @payload)", connection);
                        notify.Parameters.AddWithValue("channel", Channel);
                        notify.Parameters.AddWithValue("payload", JsonSerializer.Serialize(notice));
                        await notify.ExecuteNonQueryAsync(stoppingToken);
                    }
                }
                catch (Exception error) when (!stoppingToken.IsCancellationRequested)
                {
                    LogSendFailed(error);
                    await PauseAsync(stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private void Receive(string payload)
    {
        try
        {
            if (JsonSerializer.Deserialize<LiveNotice>(payload) is { } notice)
            {
                hub.DeliverRemote(notice);
            }
        }
        catch (JsonException error)
        {
            LogUnreadable(error);
        }
    }

    private async Task PauseAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(Pause, clock, stoppingToken);
        }
        catch (OperationCanceledException)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Listening for live notices of other instances failed; trying again in {Seconds} s")]
    private partial void LogListenFailed(double seconds, Exception error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending live notices to other instances failed; those notices are dropped")]
    private partial void LogSendFailed(Exception error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A live notice from another instance could not be read; it is ignored")]
    private partial void LogUnreadable(Exception error);
}
