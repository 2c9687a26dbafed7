using System.Net;
using System.Text.Json;
using Abm.HubSpot.Http;

namespace Abm.HubSpot.Crm;

/// <summary>The CRM objects API: paged lists, single reads, and batch read/create/update/upsert/archive.</summary>
public sealed class CrmObjectsClient
{
    private readonly HubSpotTransport _transport;

    internal CrmObjectsClient(HubSpotTransport transport) => _transport = transport;

    /// <summary>Reads one page; pass the previous page's <see cref="CrmPage.After"/> to continue (null starts at the beginning).</summary>
    public async Task<CrmPage> ListPageAsync(string objectType, CrmReadOptions? options = null, string? after = null, CancellationToken cancellationToken = default)
    {
        options ??= new CrmReadOptions();
        var path = HubSpotPaths.WithQuery(
            _transport.Paths.Objects(objectType),
            ("limit", Math.Clamp(options.PageSize, 1, 100)),
            ("after", after),
            ("properties", options.Properties),
            ("associations", options.Associations),
            ("archived", options.Archived ? true : null));
        var page = await _transport.SendAsync<PageDto<RecordDto>>(HubSpotRequest.Get(path), cancellationToken);
        return new CrmPage(
            (page?.Results ?? []).Select(r => r.ToRecord()).ToList(),
            page?.NextAfter);
    }

    /// <summary>Every page from <paramref name="after"/> (null: the first) to the last, one call per page.</summary>
    public IAsyncEnumerable<CrmPage> ListPagesAsync(string objectType, CrmReadOptions? options = null, string? after = null, CancellationToken cancellationToken = default) =>
        CursorPaging.ReadAllAsync((cursor, ct) => ListPageAsync(objectType, options, cursor, ct), page => page.After, after, cancellationToken);

    /// <summary>One record by id (or by the value of <paramref name="idProperty"/>); null when HubSpot does not know it.</summary>
    public async Task<CrmRecord?> GetAsync(string objectType, string id, CrmReadOptions? options = null, string? idProperty = null, CancellationToken cancellationToken = default)
    {
        options ??= new CrmReadOptions();
        var path = HubSpotPaths.WithQuery(
            _transport.Paths.Object(objectType, id),
            ("properties", options.Properties),
            ("associations", options.Associations),
            ("archived", options.Archived ? true : null),
            ("idProperty", idProperty));
        try
        {
            return (await _transport.SendAsync<RecordDto>(HubSpotRequest.Get(path), cancellationToken))?.ToRecord();
        }
        catch (HubSpotApiException exception) when (exception.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>
    /// Creates one record with its associations (<c>POST /crm/v3/objects/{type}</c>, 201) and answers it as HubSpot
    /// stored it. A refusal is a <see cref="HubSpotApiException"/> carrying HubSpot's message: 400
    /// <c>VALIDATION_ERROR</c> for a bad value, 409 <c>CONFLICT</c> for a contact whose email exists
    /// ("Contact already exists. Existing ID: 123").
    /// </summary>
    public async Task<CrmRecord> CreateAsync(string objectType, CrmRecordInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var created = await _transport.SendAsync<RecordDto>(HubSpotRequest.Json(HttpMethod.Post, _transport.Paths.Objects(objectType), CreateInputDto.From(input)), cancellationToken);
        return created?.ToRecord() ?? throw new HubSpotApiException($"HubSpot answered the creation of a {objectType} record with an empty body.");
    }

    /// <summary>Changes properties of one record (<c>PATCH</c>, 200); 404 <c>OBJECT_NOT_FOUND</c> when HubSpot has no such active record.</summary>
    public async Task<CrmRecord> UpdateAsync(string objectType, string id, IReadOnlyDictionary<string, string?> properties, CancellationToken cancellationToken = default)
    {
        var updated = await _transport.SendAsync<RecordDto>(HubSpotRequest.Json(HttpMethod.Patch, _transport.Paths.Object(objectType, id), new { properties }), cancellationToken);
        return updated?.ToRecord() ?? throw new HubSpotApiException($"HubSpot answered the update of {objectType} {id} with an empty body.");
    }

    /// <summary>Moves one record to HubSpot's recycle bin (<c>DELETE</c>, 204; restorable there for 90 days).</summary>
    public async Task ArchiveAsync(string objectType, string id, CancellationToken cancellationToken = default) =>
        await _transport.SendAsync<JsonElement>(HubSpotRequest.Delete(_transport.Paths.Object(objectType, id)), cancellationToken);

    /// <summary>Reads records by id in chunks of 100; unknown ids are reported as errors (HubSpot's batch read returns no associations).</summary>
    public Task<CrmBatchResult> BatchReadAsync(string objectType, IReadOnlyList<string> ids, IReadOnlyList<string>? properties = null, string? idProperty = null, CancellationToken cancellationToken = default) =>
        CrmBatchRunner.RunAsync(ids, id => id, (chunk, ct) => SendBatchAsync(objectType, "read", new BatchBodyDto<IdInputDto>(chunk.Select(id => new IdInputDto(id)).ToList(), properties ?? [], idProperty), ct), cancellationToken);

    /// <summary>Creates records in chunks of 100, with their associations.</summary>
    public Task<CrmBatchResult> BatchCreateAsync(string objectType, IReadOnlyList<CrmRecordInput> inputs, CancellationToken cancellationToken = default) =>
        CrmBatchRunner.RunAsync(inputs, _ => null, (chunk, ct) => SendBatchAsync(objectType, "create", new BatchBodyDto<CreateInputDto>(chunk.Select(CreateInputDto.From).ToList()), ct), cancellationToken);

    /// <summary>Updates records by id (or by <paramref name="idProperty"/>) in chunks of 100; missing records are reported per input.</summary>
    public Task<CrmBatchResult> BatchUpdateAsync(string objectType, IReadOnlyList<CrmRecordUpdate> updates, string? idProperty = null, CancellationToken cancellationToken = default) =>
        CrmBatchRunner.RunAsync(updates, u => u.Id, (chunk, ct) => SendBatchAsync(objectType, "update", new BatchBodyDto<UpdateInputDto>(chunk.Select(u => new UpdateInputDto(u.Id, u.Properties, idProperty)).ToList()), ct), cancellationToken);

    /// <summary>
    /// Creates or updates records matched on a unique property (<c>email</c> for contacts, or a custom
    /// unique property) in chunks of 100; each result's <see cref="CrmRecord.IsNew"/> says which happened.
    /// </summary>
    public Task<CrmBatchResult> BatchUpsertAsync(string objectType, string idProperty, IReadOnlyList<CrmRecordUpdate> inputs, CancellationToken cancellationToken = default) =>
        CrmBatchRunner.RunAsync(inputs, u => u.Id, (chunk, ct) => SendBatchAsync(objectType, "upsert", new BatchBodyDto<UpdateInputDto>(chunk.Select(u => new UpdateInputDto(u.Id, u.Properties, idProperty)).ToList()), ct), cancellationToken);

    /// <summary>Archives records (to HubSpot's recycle bin) in chunks of 100; ids that do not exist are not an error.</summary>
    public Task<CrmBatchResult> BatchArchiveAsync(string objectType, IReadOnlyList<string> ids, CancellationToken cancellationToken = default) =>
        CrmBatchRunner.RunAsync(ids, id => id, (chunk, ct) => SendBatchAsync(objectType, "archive", new BatchBodyDto<IdInputDto>(chunk.Select(id => new IdInputDto(id)).ToList()), ct), cancellationToken);

    /// <summary>
    /// Permanently deletes a contact under GDPR: <c>POST /crm/v3/objects/contacts/gdpr-delete</c> with
    /// <c>{"objectId", "idProperty"}</c>. Without <paramref name="idProperty"/> the object id is the record id; with
    /// <c>email</c> it is the contact's email address. HubSpot answers 204 and the record does not go to the recycle
    /// bin: it cannot be restored. Throws <see cref="HubSpotApiException"/> when HubSpot refuses (404: no such contact).
    /// </summary>
    public async Task GdprDeleteContactAsync(string objectId, string? idProperty = null, CancellationToken cancellationToken = default) =>
        await _transport.SendAsync<JsonElement>(
            HubSpotRequest.Json(HttpMethod.Post, $"{_transport.Paths.Objects(CrmObjectTypes.Contacts)}/gdpr-delete", new GdprDeleteDto(objectId, idProperty)), cancellationToken);

    private Task<BatchResponseDto<RecordDto>?> SendBatchAsync<T>(string objectType, string action, BatchBodyDto<T> body, CancellationToken cancellationToken) =>
        _transport.SendAsync<BatchResponseDto<RecordDto>>(HubSpotRequest.Json(HttpMethod.Post, _transport.Paths.Batch(objectType, action), body), cancellationToken);
}
