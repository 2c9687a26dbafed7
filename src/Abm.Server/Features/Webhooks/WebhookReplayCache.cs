using System.Globalization;
using System.Text;
using Abm.Data;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Features.Webhooks;

/// <summary>
/// The signatures accepted within the replay window, in the database so that every instance refuses a replay
/// the other accepted. A key is added in the transaction that stores its batch: a batch that could not be
/// stored leaves no key behind, so HubSpot's retry of it is still accepted.
/// </summary>
internal sealed class WebhookReplayCache(AbmDbContext database, TimeProvider clock)
{
    // Two parameters per key; far below SQLite's and PostgreSQL's limits on parameters per statement.
    private const int InsertChunk = 200;

    /// <summary>
    /// Adds the keys not seen before, inside the caller's transaction, and returns them. On PostgreSQL a key
    /// another instance is adding at the same moment waits for that instance's commit, then counts as seen.
    /// </summary>
    public async Task<HashSet<string>> AddNewAsync(IReadOnlyCollection<WebhookReplayKey> keys, CancellationToken cancellationToken)
    {
        var added = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in keys.DistinctBy(k => Convert.ToHexString(k.Hash)).Chunk(InsertChunk))
        {
            var parameters = new object[chunk.Length * 2];
            var rows = new List<string>(chunk.Length);
            for (var i = 0; i < chunk.Length; i++)
            {
                (parameters[2 * i], parameters[(2 * i) + 1]) = (chunk[i].Hash, chunk[i].ExpiresAt);
                rows.Add(string.Create(CultureInfo.InvariantCulture, $"({{{2 * i}}}, {{{(2 * i) + 1}}})"));
            }

            var sql = new StringBuilder("INSERT INTO webhook_replays (signature_hash, expires_at) VALUES ").AppendJoin(", ", rows);
            sql.Append(" ON CONFLICT (signature_hash) DO NOTHING RETURNING signature_hash AS \"Value\"");
            foreach (var hash in await database.Database.SqlQueryRaw<byte[]>(sql.ToString(), parameters).ToListAsync(cancellationToken))
            {
                added.Add(Convert.ToHexString(hash));
            }
        }

        return added;
    }

    /// <summary>Deletes the keys whose requests would now be refused as stale anyway.</summary>
    public Task<int> PruneAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return database.WebhookReplays.Where(r => r.ExpiresAt < now).ExecuteDeleteAsync(cancellationToken);
    }
}
