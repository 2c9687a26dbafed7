using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Abm.HubSpot.Sandbox.Market.Sink;

/// <summary>
/// ABM Engine names content by its own id; the sandbox knows items by external id. The map between them is read
/// from ABM Engine's content list (the import keeps the catalogue's external ids), again when an event names an
/// item the map lacks, at most every <see cref="RefreshInterval"/> so an item never imported costs little.
/// </summary>
internal sealed class AbmContentIds
{
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(30);

    private const int PageSize = 500;

    private Dictionary<string, Guid> _byExternalId = new(StringComparer.Ordinal);
    private long? _readAt;

    public Guid? Find(string? externalId) => externalId is not null && _byExternalId.TryGetValue(externalId, out var id) ? id : null;

    public async Task RefreshIfMissingAsync(HttpClient http, EventSink sink, IEnumerable<string?> externalIds, CancellationToken cancellationToken)
    {
        var missing = externalIds.Any(id => id is not null && !_byExternalId.ContainsKey(id));
        if (!missing || (_readAt is { } readAt && Stopwatch.GetElapsedTime(readAt) < RefreshInterval))
        {
            return;
        }

        _readAt = Stopwatch.GetTimestamp();
        var map = new Dictionary<string, Guid>(StringComparer.Ordinal);
        for (var offset = 0; ; offset += PageSize)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"{sink.Settings.Url!.TrimEnd('/')}/api/content?limit={PageSize}&offset={offset}");
            request.Headers.Add("X-Api-Key", sink.Settings.ApiKey);
            using var response = await http.SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                sink.LastError = $"Reading content ids: {(int)response.StatusCode} {response.ReasonPhrase}";
                return;
            }

            var page = await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken);
            var items = page?["items"]?.AsArray() ?? [];
            foreach (var item in items)
            {
                if (item?["externalId"]?.GetValue<string>() is { } externalId && Guid.TryParse(item["id"]?.GetValue<string>(), out var id))
                {
                    map[externalId] = id;
                }
            }

            if (items.Count < PageSize)
            {
                break;
            }
        }

        _byExternalId = map;
    }
}
