namespace Abm.Server.Features.Webhooks;

/// <summary>
/// On SQLite, takes turns among this process's inbox writers (intake and worker). SQLite allows one writer at a
/// time, and a writer that finds the database busy retries only after a pause far longer than an insert, which
/// would show in intake latency; waiting here instead costs only the other write's duration. PostgreSQL locks
/// rows, so there every writer goes ahead at once.
/// </summary>
internal sealed class WebhookInboxGate : IDisposable
{
    private readonly SemaphoreSlim _turn = new(1, 1);

    public async Task<IDisposable?> EnterAsync(bool sqlite, CancellationToken cancellationToken)
    {
        if (!sqlite)
        {
            return null;
        }

        await _turn.WaitAsync(cancellationToken);
        return new Turn(_turn);
    }

    public void Dispose() => _turn.Dispose();

    private sealed class Turn(SemaphoreSlim turn) : IDisposable
    {
        public void Dispose() => turn.Release();
    }
}
