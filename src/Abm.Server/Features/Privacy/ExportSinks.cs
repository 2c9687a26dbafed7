using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using CsvHelper;

namespace Abm.Server.Features.Privacy;

/// <summary>Where an export goes, table by table and row by row, so that nothing but the current page is held in memory.</summary>
internal interface IExportSink : IAsyncDisposable
{
    Task BeginTableAsync(string table, IReadOnlyList<string> columns, CancellationToken cancellationToken);

    Task RowAsync(IReadOnlyList<object?> values, CancellationToken cancellationToken);

    Task EndTableAsync(CancellationToken cancellationToken);
}

/// <summary>
/// One JSON document: <c>{"contactId", "exportedAt", "tables": {"contacts": [{column: value}], ...}}</c>, written to
/// the response as it goes and flushed every few kilobytes.
/// </summary>
internal sealed class JsonExportSink : IExportSink
{
    private const int FlushAt = 32 * 1024;
    private readonly Utf8JsonWriter _writer;
    private IReadOnlyList<string> _columns = [];

    private JsonExportSink(Stream output) => _writer = new Utf8JsonWriter(output);

    public static JsonExportSink Start(Stream output, Guid contactId, DateTime exportedAt)
    {
        var sink = new JsonExportSink(output);
        sink._writer.WriteStartObject();
        sink._writer.WriteString("contactId", contactId);
        sink._writer.WriteString("exportedAt", exportedAt);
        sink._writer.WriteStartObject("tables");
        return sink;
    }

    public Task BeginTableAsync(string table, IReadOnlyList<string> columns, CancellationToken cancellationToken)
    {
        _columns = columns;
        _writer.WriteStartArray(table);
        return Task.CompletedTask;
    }

    public async Task RowAsync(IReadOnlyList<object?> values, CancellationToken cancellationToken)
    {
        _writer.WriteStartObject();
        for (var i = 0; i < values.Count; i++)
        {
            _writer.WritePropertyName(_columns[i]);
            WriteValue(values[i]);
        }

        _writer.WriteEndObject();
        if (_writer.BytesPending > FlushAt)
        {
            await _writer.FlushAsync(cancellationToken);
        }
    }

    public async Task EndTableAsync(CancellationToken cancellationToken)
    {
        _writer.WriteEndArray();
        await _writer.FlushAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        _writer.WriteEndObject();
        _writer.WriteEndObject();
        await _writer.FlushAsync();
        await _writer.DisposeAsync();
    }

    private void WriteValue(object? value)
    {
        switch (value)
        {
            case null: _writer.WriteNullValue(); break;
            case string text: _writer.WriteStringValue(text); break;
            case bool flag: _writer.WriteBooleanValue(flag); break;
            case int number: _writer.WriteNumberValue(number); break;
            case long number: _writer.WriteNumberValue(number); break;
            case double number when double.IsFinite(number): _writer.WriteNumberValue(number); break;
            case Guid id: _writer.WriteStringValue(id); break;
            case DateTime moment: _writer.WriteStringValue(moment); break;
            case IEnumerable<string> items:
                _writer.WriteStartArray();
                foreach (var item in items)
                {
                    _writer.WriteStringValue(item);
                }

                _writer.WriteEndArray();
                break;
            default: _writer.WriteStringValue(ExportValues.Text(value)); break;
        }
    }
}

/// <summary>
/// A ZIP of CSV files, one per table (<c>contacts.csv</c>, <c>engagement_events.csv</c>, ...), each with a header line.
/// The archive writes parts of itself synchronously (closing an entry), which a response refuses, so it writes into
/// <see cref="PendingBytes"/> and what is pending goes to the response asynchronously every few kilobytes.
/// </summary>
internal sealed class ZipCsvExportSink : IExportSink
{
    private const int FlushAt = 32 * 1024;
    private readonly Stream _output;
    private readonly PendingBytes _pending = new();
    private readonly ZipArchive _archive;
    private Stream? _entry;
    private CsvWriter? _csv;

    private ZipCsvExportSink(Stream output)
    {
        _output = output;
        _archive = new ZipArchive(_pending, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: Encoding.UTF8);
    }

    public static ZipCsvExportSink Start(Stream output) => new(output);

    public async Task BeginTableAsync(string table, IReadOnlyList<string> columns, CancellationToken cancellationToken)
    {
        _entry = _archive.CreateEntry($"{table}.csv", CompressionLevel.Fastest).Open();
        _csv = CsvWriter.Create(_entry, new CsvWriterOptions(), leaveOpen: true);
        await RowAsync(columns, cancellationToken);
    }

    public async Task RowAsync(IReadOnlyList<object?> values, CancellationToken cancellationToken)
    {
        foreach (var value in values)
        {
            _csv!.WriteField(ExportValues.Text(value) ?? "");
        }

        await _csv!.EndRecordAsync(cancellationToken);
        if (_pending.Length > FlushAt)
        {
            await _pending.MoveToAsync(_output, cancellationToken);
        }
    }

    public async Task EndTableAsync(CancellationToken cancellationToken)
    {
        await _csv!.DisposeAsync();
        _entry!.Dispose();
        (_csv, _entry) = (null, null);
        await _pending.MoveToAsync(_output, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        _archive.Dispose();
        await _pending.MoveToAsync(_output, CancellationToken.None);
        await _pending.DisposeAsync();
    }

    /// <summary>A forward-only stream that keeps what is written until it is moved on; the archive sees no position, as on a network stream.</summary>
    private sealed class PendingBytes : Stream
    {
        private readonly MemoryStream _buffer = new();

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => _buffer.Length;

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public async Task MoveToAsync(Stream target, CancellationToken cancellationToken)
        {
            await target.WriteAsync(_buffer.GetBuffer().AsMemory(0, (int)_buffer.Length), cancellationToken);
            await target.FlushAsync(cancellationToken);
            _buffer.SetLength(0);
        }

        public override void Write(byte[] buffer, int offset, int count) => _buffer.Write(buffer, offset, count);

        public override void Write(ReadOnlySpan<byte> buffer) => _buffer.Write(buffer);

        public override void Flush()
        {
            // Moved on asynchronously by MoveToAsync.
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _buffer.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}

/// <summary>One way to write a stored value as text, for CSV cells and for values JSON has no type for.</summary>
internal static class ExportValues
{
    public static string? Text(object? value) => value switch
    {
        null => null,
        string text => text,
        DateTime moment => moment.ToString("O", CultureInfo.InvariantCulture),
        IEnumerable<string> items => JsonSerializer.Serialize(items),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
