using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Abm.Server.Features.Content;
using Abm.Server.Features.Imports;

namespace Abm.Server.Tests;

/// <summary>The 50 MB import limit on Kestrel, whose own default (30,000,000 bytes) would refuse a smaller file.</summary>
public sealed class ImportSizeLimitTests : IAsyncLifetime
{
    private AbmServerFactory _server = null!;

    public async Task InitializeAsync() => _server = await AbmServerFactory.StartOverHttpAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task ImportContent_ChunkedFileOfFortyMegabytes_IsImported()
    {
        using var client = await MarketerOverHttpAsync();

        var response = await client.PostAsync("/api/content/import", new OneHugeRowCsv(40L * 1024 * 1024));

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        (await client.GetFromJsonAsync<ContentPage>("/api/content"))!.Total.ShouldBe(1);
    }

    [Fact]
    public async Task ImportContent_ChunkedFileOverTheLimit_Returns413AndImportsNothing()
    {
        using var client = await MarketerOverHttpAsync();

        var response = await client.PostAsync("/api/content/import", new OneHugeRowCsv(CsvUpload.MaxBytes + 1024 * 1024));

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        (await client.GetFromJsonAsync<ContentPage>("/api/content"))!.Total.ShouldBe(0);
    }

    [Fact]
    public async Task ImportEvents_DeclaredLengthOverTheLimit_Returns413BeforeReadingTheBody()
    {
        using var client = await MarketerOverHttpAsync();
        // As a well-behaved client does with a large body, so the refusal arrives before the upload.
        client.DefaultRequestHeaders.ExpectContinue = true;
        using var content = new OneHugeRowCsv(CsvUpload.MaxBytes + 1);
        content.Headers.ContentLength = CsvUpload.MaxBytes + 1;

        var response = await client.PostAsync("/api/events/import", content);

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
    }

    private async Task<HttpClient> MarketerOverHttpAsync()
    {
        var workspace = await _server.CreateWorkspaceAsync($"Uploads {Guid.NewGuid():N}");
        var (_, key) = await _server.CreateKeyAsync("marketer", workspace);
        var client = new HttpClient { BaseAddress = _server.HttpAddress, Timeout = TimeSpan.FromMinutes(2) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    /// <summary>A valid content CSV of the given size (one row with a long ignored column), streamed without a length.</summary>
    private sealed class OneHugeRowCsv : HttpContent
    {
        private static readonly byte[] Head = Encoding.UTF8.GetBytes("external_id,title,content_type,notes\nbig-1,Big file,whitepaper,");
        private readonly long _size;

        public OneHugeRowCsv(long size)
        {
            _size = size;
            Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await stream.WriteAsync(Head);
            var filler = Enumerable.Repeat((byte)'x', 64 * 1024).ToArray();
            for (var left = _size - Head.Length - 1; left > 0; left -= filler.Length)
            {
                await stream.WriteAsync(filler.AsMemory(0, (int)Math.Min(left, filler.Length)));
            }

            await stream.WriteAsync("\n"u8.ToArray());
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
