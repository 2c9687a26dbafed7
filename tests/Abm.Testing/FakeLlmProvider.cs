using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Abm.Testing;

/// <summary>
/// A language-model provider on loopback that speaks the wire formats the real SDKs use: Anthropic's Messages
/// API (<c>POST /v1/messages</c>), OpenAI's chat completions (<c>POST /v1/chat/completions</c>) and OpenAI's embeddings
/// (<c>POST /v1/embeddings</c>). Chat replies are scripted (<see cref="Enqueue"/>), else made by the responder given
/// at start; embedding replies are scripted apart (<see cref="EnqueueEmbeddings"/>), else deterministic vectors
/// (<see cref="Vector"/>). Every request is kept.
/// </summary>
public sealed class FakeLlmProvider : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Reply> _script = new();
    private readonly ConcurrentQueue<Request> _requests = new();
    private readonly ConcurrentQueue<Reply> _embeddingScript = new();
    private readonly ConcurrentQueue<EmbeddingRequest> _embeddingRequests = new();
    private readonly Func<Request, Reply> _respond;

    private FakeLlmProvider(WebApplication app, Func<Request, Reply>? respond)
    {
        _app = app;
        _respond = respond ?? (_ => Reply.Error(500));
    }

    /// <summary>The Anthropic base URL (the SDK appends /v1/messages).</summary>
    public string AnthropicBaseUrl => _app.Urls.First();

    /// <summary>The OpenAI endpoint (the SDK appends /chat/completions).</summary>
    public string OpenAIBaseUrl => _app.Urls.First() + "/v1";

    public IReadOnlyList<Request> Requests => [.. _requests];

    public IReadOnlyList<EmbeddingRequest> EmbeddingRequests => [.. _embeddingRequests];

    /// <summary>An embeddings request: the model, the texts, the dimension asked (null: the model's own) and the encoding asked.</summary>
    public sealed record EmbeddingRequest(string Model, IReadOnlyList<string> Inputs, int? Dimensions, string? EncodingFormat);

    /// <summary>What the provider was asked: which wire format, the model, the system text and the other messages in order.</summary>
    public sealed record Request(string Wire, string Model, string? System, IReadOnlyList<Message> Messages)
    {
        /// <summary>The last user message: the prompt, or the follow-up after a refused answer.</summary>
        public string LastUserText => Messages.LastOrDefault(m => m.Role == "user")?.Text ?? "";
    }

    public sealed record Message(string Role, string Text);

    /// <summary>A scripted reply: an answer's text (status 200), an error status, or no answer at all (<see cref="Hang"/>).</summary>
    public sealed record Reply(int Status, string? Text = null, bool Hangs = false, int InputTokens = 1_000, int OutputTokens = 100, string? RawBody = null, int? RetryAfterSeconds = null)
    {
        /// <summary>A 429 asking the caller to wait <paramref name="seconds"/> before trying again (<c>Retry-After</c>).</summary>
        public static Reply RateLimited(int seconds) => new(429, RetryAfterSeconds: seconds);

        /// <summary>A 200 whose body is <paramref name="body"/> as is, not the provider's wire format.</summary>
        public static Reply Raw(string body) => new(200, RawBody: body);

        public static Reply Answer(string text, int inputTokens = 1_000, int outputTokens = 100) => new(200, text, InputTokens: inputTokens, OutputTokens: outputTokens);

        public static Reply Error(int status) => new(status);

        /// <summary>Never answers: the caller's timeout must end the request.</summary>
        public static Reply Hang() => new(200, Hangs: true);
    }

    public static async Task<FakeLlmProvider> StartAsync(Func<Request, Reply>? respond = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var provider = new FakeLlmProvider(app, respond);
        app.MapPost("/v1/messages", (HttpContext context) => provider.HandleAsync(context, "anthropic"));
        app.MapPost("/v1/chat/completions", (HttpContext context) => provider.HandleAsync(context, "openai"));
        app.MapPost("/v1/embeddings", provider.HandleEmbeddingsAsync);
        await app.StartAsync();
        return provider;
    }

    /// <summary>Forgets the scripted replies not used yet and the requests seen, so one test's leftovers never answer another's.</summary>
    public void Reset()
    {
        _script.Clear();
        _requests.Clear();
        _embeddingScript.Clear();
        _embeddingRequests.Clear();
    }

    /// <summary>Replies for the next requests, in order, before the responder is used again.</summary>
    public void Enqueue(params Reply[] replies)
    {
        foreach (var reply in replies)
        {
            _script.Enqueue(reply);
        }
    }

    /// <summary>Replies for the next embeddings requests, in order, before deterministic vectors are answered again (a 200 here answers them too).</summary>
    public void EnqueueEmbeddings(params Reply[] replies)
    {
        foreach (var reply in replies)
        {
            _embeddingScript.Enqueue(reply);
        }
    }

    /// <summary>
    /// The vector answered for a text: each word hashed (FNV-1a) into one of <paramref name="dimensions"/> slots with a
    /// sign, then normalised; so texts sharing words are similar, as with a real model, and the same text always gets the same vector.
    /// </summary>
    public static float[] Vector(string text, int dimensions)
    {
        var vector = new float[dimensions];
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var hash = 2166136261u;
            foreach (var b in System.Text.Encoding.UTF8.GetBytes(word))
            {
                hash = (hash ^ b) * 16777619u;
            }

            vector[hash % (uint)dimensions] += (hash & 0x8000_0000) == 0 ? 1 : -1;
        }

        var norm = MathF.Sqrt(vector.Sum(v => v * v));
        return norm == 0 ? vector : [.. vector.Select(v => v / norm)];
    }

    private async Task HandleEmbeddingsAsync(HttpContext context)
    {
        var body = (await JsonNode.ParseAsync(context.Request.Body))!.AsObject();
        var input = body["input"]!;
        IReadOnlyList<string> inputs = input.GetValueKind() == JsonValueKind.String ? [(string)input!] : [.. input.AsArray().Select(i => (string)i!)];
        var request = new EmbeddingRequest((string?)body["model"] ?? "", inputs, (int?)body["dimensions"], (string?)body["encoding_format"]);
        _embeddingRequests.Enqueue(request);
        var reply = _embeddingScript.TryDequeue(out var scripted) ? scripted : new Reply(200);
        if (!await StartReplyAsync(context, reply))
        {
            return;
        }

        if (reply.Status != 200)
        {
            await context.Response.WriteAsync(OpenAIError(reply.Status).ToJsonString());
            return;
        }

        var dimensions = request.Dimensions ?? 1_536;
        var data = new JsonArray([.. inputs.Select((text, i) => (JsonNode)new JsonObject
        {
            ["object"] = "embedding",
            ["index"] = i,
            ["embedding"] = request.EncodingFormat == "base64"
                ? Convert.ToBase64String(System.Runtime.InteropServices.MemoryMarshal.AsBytes(Vector(text, dimensions).AsSpan()))
                : new JsonArray([.. Vector(text, dimensions).Select(v => (JsonNode)v)]),
        })]);
        var tokens = inputs.Sum(i => Math.Max(1, i.Length / 4));
        await context.Response.WriteAsync(new JsonObject
        {
            ["object"] = "list", ["data"] = data, ["model"] = request.Model,
            ["usage"] = new JsonObject { ["prompt_tokens"] = tokens, ["total_tokens"] = tokens },
        }.ToJsonString());
    }

    private async Task HandleAsync(HttpContext context, string wire)
    {
        var body = (await JsonNode.ParseAsync(context.Request.Body))!.AsObject();
        var request = wire == "anthropic" ? ReadAnthropic(body) : ReadOpenAI(body);
        _requests.Enqueue(request);
        var reply = _script.TryDequeue(out var scripted) ? scripted : _respond(request);
        if (!await StartReplyAsync(context, reply))
        {
            return;
        }

        if (reply.RawBody is not null)
        {
            await context.Response.WriteAsync(reply.RawBody);
            return;
        }

        var answer = reply.Status == 200
            ? wire == "anthropic" ? AnthropicMessage(request.Model, reply) : OpenAICompletion(request.Model, reply)
            : wire == "anthropic" ? AnthropicError(reply.Status) : OpenAIError(reply.Status);
        await context.Response.WriteAsync(answer.ToJsonString());
    }

    /// <summary>
    /// Hangs until the client gives up when the reply says so (false: nothing more to write), else sets the status,
    /// content type and any Retry-After header of the scripted reply.
    /// </summary>
    private static async Task<bool> StartReplyAsync(HttpContext context, Reply reply)
    {
        if (reply.Hangs)
        {
            try
            {
                await Task.Delay(Timeout.Infinite, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return false;
            }
        }

        context.Response.StatusCode = reply.Status;
        context.Response.ContentType = "application/json";
        if (reply.RetryAfterSeconds is { } seconds)
        {
            context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return true;
    }

    private static Request ReadAnthropic(JsonObject body) => new("anthropic", (string?)body["model"] ?? "", body["system"] is { } system ? Text(system) : null,
        [.. body["messages"]!.AsArray().Select(m => new Message((string)m!["role"]!, Text(m["content"]!)))]);

    private static Request ReadOpenAI(JsonObject body)
    {
        var messages = body["messages"]!.AsArray().Select(m => new Message((string)m!["role"]!, Text(m["content"]!))).ToList();
        var system = messages.Where(m => m.Role is "system" or "developer").Select(m => m.Text).FirstOrDefault();
        return new("openai", (string?)body["model"] ?? "", system, [.. messages.Where(m => m.Role is not ("system" or "developer"))]);
    }

    /// <summary>A message's content: a string, or text blocks.</summary>
    private static string Text(JsonNode content) => content.GetValueKind() == JsonValueKind.String
        ? (string)content!
        : string.Concat(content.AsArray().Where(b => (string?)b!["type"] == "text").Select(b => (string)b!["text"]!));

    private static JsonObject AnthropicMessage(string model, Reply reply) => new()
    {
        ["id"] = $"msg_{Guid.NewGuid():N}",
        ["type"] = "message",
        ["role"] = "assistant",
        ["model"] = model,
        ["content"] = new JsonArray(new JsonObject { ["type"] = "text", ["text"] = reply.Text }),
        ["stop_reason"] = "end_turn",
        ["stop_sequence"] = null,
        ["usage"] = new JsonObject { ["input_tokens"] = reply.InputTokens, ["output_tokens"] = reply.OutputTokens },
    };

    private static JsonObject AnthropicError(int status) => new()
    {
        ["type"] = "error",
        ["error"] = new JsonObject { ["type"] = status == 429 ? "rate_limit_error" : status >= 500 ? "api_error" : "invalid_request_error", ["message"] = "fake provider error" },
    };

    private static JsonObject OpenAICompletion(string model, Reply reply) => new()
    {
        ["id"] = $"chatcmpl-{Guid.NewGuid():N}",
        ["object"] = "chat.completion",
        ["created"] = 1_700_000_000,
        ["model"] = model,
        ["choices"] = new JsonArray(new JsonObject
        {
            ["index"] = 0,
            ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = reply.Text },
            ["finish_reason"] = "stop",
        }),
        ["usage"] = new JsonObject { ["prompt_tokens"] = reply.InputTokens, ["completion_tokens"] = reply.OutputTokens, ["total_tokens"] = reply.InputTokens + reply.OutputTokens },
    };

    private static JsonObject OpenAIError(int status) => new()
    {
        ["error"] = new JsonObject { ["message"] = "fake provider error", ["type"] = status == 429 ? "rate_limit_exceeded" : "server_error", ["code"] = null },
    };

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
