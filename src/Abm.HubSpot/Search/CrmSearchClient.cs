using System.Globalization;
using System.Runtime.CompilerServices;
using Abm.HubSpot.Crm;
using Abm.HubSpot.Http;

namespace Abm.HubSpot.Search;

/// <summary>CRM search, paced by the portal's separate search limit, and incremental reads past its 10,000-result cap.</summary>
public sealed class CrmSearchClient
{
    internal const int MaxPageSize = 200;
    internal const int MaxResultsPerQuery = 10_000;

    private readonly HubSpotTransport _transport;

    internal CrmSearchClient(HubSpotTransport transport) => _transport = transport;

    /// <summary>One page of a search. New or changed records may take a few moments to become searchable.</summary>
    public async Task<CrmSearchPage> SearchAsync(string objectType, CrmSearchRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var page = await _transport.SendAsync<PageDto<RecordDto>>(
            HubSpotRequest.Json(HttpMethod.Post, _transport.Paths.Search(objectType), SearchBodyDto.From(request), isSearch: true),
            cancellationToken);
        return new CrmSearchPage(
            (page?.Results ?? []).Select(r => r.ToRecord()).ToList(),
            page?.Total ?? 0,
            page?.NextAfter);
    }

    /// <summary>
    /// Every record modified at or after <paramref name="since"/>, oldest change first, in pages of up to 200.
    /// HubSpot stops a query at 10,000 results, so before reaching the cap the read restarts with a window
    /// beginning at the last modification time seen, skipping the records of that instant already returned.
    /// A record changed during the read may come again later with its newer values.
    /// </summary>
    public async IAsyncEnumerable<IReadOnlyList<CrmRecord>> SearchModifiedSinceAsync(
        string objectType,
        DateTimeOffset since,
        IReadOnlyList<string>? properties = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var modified = CrmObjectTypes.LastModifiedProperty(objectType);
        var window = new ModifiedWindow(since);
        string? after = null;
        var readInWindow = 0;
        while (true)
        {
            var page = await SearchAsync(objectType, window.Request(modified, properties, after), cancellationToken);
            var fresh = window.Accept(page.Results, modified);
            if (fresh.Count > 0)
            {
                yield return fresh;
            }

            readInWindow += page.Results.Count;
            if (page.After is null && readInWindow >= page.Total)
            {
                yield break;
            }

            // HubSpot ends a query's paging at 10,000 results; go on from a narrower window before that.
            if (page.After is not null && readInWindow + MaxPageSize <= MaxResultsPerQuery)
            {
                after = page.After;
                continue;
            }

            window.Narrow(objectType);
            after = null;
            readInWindow = 0;
        }
    }

    /// <summary>The lower bound of the current search window and the records already returned at the latest instant seen.</summary>
    private sealed class ModifiedWindow(DateTimeOffset since)
    {
        private DateTimeOffset _lower = since;
        private HashSet<string> _returnedAtLower = new(StringComparer.Ordinal);
        private DateTimeOffset _latest = since;
        private HashSet<string> _returnedAtLatest = new(StringComparer.Ordinal);

        public CrmSearchRequest Request(string modified, IReadOnlyList<string>? properties, string? after) => new()
        {
            FilterGroups = [[new CrmSearchFilter(modified, "GTE", _lower.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture))]],
            Sort = new CrmSearchSort(modified),
            Properties = properties is null ? null : [.. properties.Append(modified).Distinct(StringComparer.Ordinal)],
            Limit = MaxPageSize,
            After = after,
        };

        public List<CrmRecord> Accept(IReadOnlyList<CrmRecord> results, string modified)
        {
            var fresh = new List<CrmRecord>(results.Count);
            foreach (var record in results)
            {
                var at = ParseTime(record.Get(modified)) ?? _latest;
                if (at == _lower && _returnedAtLower.Contains(record.Id))
                {
                    continue;
                }

                if (at > _latest)
                {
                    _latest = at;
                    _returnedAtLatest = new HashSet<string>(StringComparer.Ordinal);
                }

                if (at == _latest)
                {
                    _returnedAtLatest.Add(record.Id);
                }

                fresh.Add(record);
            }

            return fresh;
        }

        public void Narrow(string objectType)
        {
            if (_latest == _lower)
            {
                throw new HubSpotApiException(
                    $"More than {MaxResultsPerQuery} {objectType} share the modification time {_lower:O}; the window cannot be narrowed further.");
            }

            _lower = _latest;
            _returnedAtLower = _returnedAtLatest;
        }

        private static DateTimeOffset? ParseTime(string? value) =>
            long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var epochMs) ? DateTimeOffset.FromUnixTimeMilliseconds(epochMs)
            : DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time
            : null;
    }
}
