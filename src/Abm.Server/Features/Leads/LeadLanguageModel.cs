using System.ClientModel;
using System.ClientModel.Primitives;
using Anthropic;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using OpenAI;
using OpenAI.Chat;

namespace Abm.Server.Features.Leads;

/// <summary>
/// The configured language model behind <see cref="IChatClient"/>: Claude through the official Anthropic SDK, or
/// OpenAI through the official OpenAI SDK, each on an <see cref="HttpClient"/> of the factory. The SDKs' own retries
/// are off: <see cref="LeadReasoner"/> retries, so every request is counted and recorded. None configured:
/// <see cref="Chat"/> is null and the deterministic scorer answers.
/// </summary>
internal sealed class LeadLanguageModel : IDisposable
{
    public const string HttpClientName = "lead-llm";
    public const string Anthropic = "anthropic";
    public const string OpenAI = "openai";

    public LeadLanguageModel(IOptions<LeadLlmOptions> options, IConfiguration configuration, IHttpClientFactory http)
    {
        var settings = options.Value;
        var anthropicKey = First(configuration["CLAUDE_API_KEY"], configuration["ANTHROPIC_API_KEY"]);
        var openAIKey = First(configuration["OPENAI_API_KEY"]);
        Provider = settings.Provider switch
        {
            "none" => null,
            Anthropic => anthropicKey is null ? null : Anthropic,
            OpenAI => openAIKey is null ? null : OpenAI,
            _ => anthropicKey is not null ? Anthropic : openAIKey is not null ? OpenAI : null,
        };
        if (Provider is null)
        {
            return;
        }

        Model = First(settings.Model) ?? (Provider == Anthropic ? LeadLlmOptions.DefaultAnthropicModel : LeadLlmOptions.DefaultOpenAIModel);
        var timeout = TimeSpan.FromSeconds(settings.TimeoutSeconds);
        // The request's own timeout is the reasoner's; the client's is only a backstop well past it.
        var client = http.CreateClient(HttpClientName);
        if (Provider == Anthropic)
        {
            var baseUrl = First(settings.BaseUrl, configuration["ANTHROPIC_BASE_URL"]) ?? "https://api.anthropic.com";
            var anthropic = new AnthropicClient(new Anthropic.Core.ClientOptions
            {
                ApiKey = anthropicKey, BaseUrl = baseUrl, MaxRetries = 0, Timeout = timeout * 2, HttpClient = client,
            });
            Chat = anthropic.AsIChatClient(Model, settings.MaxOutputTokens);
        }
        else
        {
            var clientOptions = OpenAIOptions(client, timeout, First(settings.BaseUrl, configuration["OPENAI_BASE_URL"]));
            Chat = new ChatClient(Model, new ApiKeyCredential(openAIKey!), clientOptions).AsIChatClient();
        }
    }

    /// <summary>
    /// The OpenAI SDK's options on a client of the factory: the SDK's own retries off (the caller retries and counts every
    /// request), its timeout a backstop at twice the caller's, and another endpoint when one is named.
    /// </summary>
    public static OpenAIClientOptions OpenAIOptions(HttpClient client, TimeSpan timeout, string? baseUrl)
    {
        var options = new OpenAIClientOptions
        {
            Transport = new HttpClientPipelineTransport(client), RetryPolicy = new ClientRetryPolicy(0), NetworkTimeout = timeout * 2,
        };
        if (!string.IsNullOrWhiteSpace(baseUrl))
        {
            options.Endpoint = new Uri(baseUrl.Trim());
        }

        return options;
    }

    /// <summary>For a reasoner outside the server (the bench): a chat client already built.</summary>
    public LeadLanguageModel(string provider, string model, IChatClient chat) => (Provider, Model, Chat) = (provider, model, chat);

    /// <summary><c>anthropic</c>, <c>openai</c>, or null when no model is configured.</summary>
    public string? Provider { get; }

    public string? Model { get; }

    public IChatClient? Chat { get; }

    public void Dispose() => Chat?.Dispose();

    private static string? First(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim();
}
