using System.ComponentModel.DataAnnotations;

namespace Abm.Server.Features.Leads;

/// <summary>
/// The language model that reasons about leads (configuration section <c>Leads:Llm</c>). The provider is chosen by
/// the keys present: Claude when <c>CLAUDE_API_KEY</c> or <c>ANTHROPIC_API_KEY</c> is set, else OpenAI when
/// <c>OPENAI_API_KEY</c> is set, else none and the deterministic scorer answers. Keys are read from configuration
/// (environment variables included) and never logged or stored.
/// </summary>
internal sealed class LeadLlmOptions
{
    public const string Section = "Leads:Llm";

    /// <summary><c>auto</c> (by the keys present), <c>anthropic</c>, <c>openai</c> or <c>none</c> (the fallback always).</summary>
    [RegularExpression("^(auto|anthropic|openai|none)$", ErrorMessage = "Leads:Llm:Provider must be auto, anthropic, openai or none.")]
    public string Provider { get; set; } = "auto";

    /// <summary>The model asked; empty: <see cref="DefaultAnthropicModel"/> or <see cref="DefaultOpenAIModel"/>.</summary>
    [StringLength(200)]
    public string? Model { get; set; }

    /// <summary>Where the provider's API is; empty: <c>ANTHROPIC_BASE_URL</c> / <c>OPENAI_BASE_URL</c>, else the provider's own.</summary>
    [Url]
    public string? BaseUrl { get; set; }

    /// <summary>How long one request may take before it counts as timed out (and is retried).</summary>
    [Range(1, 600, ErrorMessage = "Leads:Llm:TimeoutSeconds must be between 1 and 600.")]
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>Requests per answer when the provider fails with 429, 5xx, a timeout or no connection.</summary>
    [Range(1, 10, ErrorMessage = "Leads:Llm:MaxAttempts must be between 1 and 10.")]
    public int MaxAttempts { get; set; } = 3;

    /// <summary>The first back-off; each retry waits twice as long as the one before.</summary>
    [Range(0, 60_000, ErrorMessage = "Leads:Llm:RetryDelayMilliseconds must be between 0 and 60000.")]
    public int RetryDelayMilliseconds { get; set; } = 1_000;

    /// <summary>The longest answer asked for, in tokens.</summary>
    [Range(64, 8_192, ErrorMessage = "Leads:Llm:MaxOutputTokens must be between 64 and 8192.")]
    public int MaxOutputTokens { get; set; } = 600;

    /// <summary>Leads reasoned about at once within a scoring run.</summary>
    [Range(1, 64, ErrorMessage = "Leads:Llm:MaxConcurrentCalls must be between 1 and 64.")]
    public int MaxConcurrentCalls { get; set; } = 4;

    /// <summary>US dollars per million input and output tokens, by model; a model not listed costs 0 (unknown).</summary>
    public Dictionary<string, LlmModelPrice> Prices { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["claude-sonnet-4-5"] = new() { InputPerMillionUsd = 3, OutputPerMillionUsd = 15 },
        ["claude-haiku-4-5"] = new() { InputPerMillionUsd = 1, OutputPerMillionUsd = 5 },
        ["claude-opus-4-5"] = new() { InputPerMillionUsd = 5, OutputPerMillionUsd = 25 },
        ["gpt-4.1-mini"] = new() { InputPerMillionUsd = 0.4, OutputPerMillionUsd = 1.6 },
        ["gpt-4.1"] = new() { InputPerMillionUsd = 2, OutputPerMillionUsd = 8 },
        ["gpt-4o-mini"] = new() { InputPerMillionUsd = 0.15, OutputPerMillionUsd = 0.6 },
    };

    public const string DefaultAnthropicModel = "claude-sonnet-4-5";
    public const string DefaultOpenAIModel = "gpt-4.1-mini";

    /// <summary>The estimated cost of a request to <paramref name="model"/>.</summary>
    public double CostUsd(string model, int inputTokens, int outputTokens) =>
        Prices.TryGetValue(model, out var price) ? Math.Round(((inputTokens * price.InputPerMillionUsd) + (outputTokens * price.OutputPerMillionUsd)) / 1_000_000, 6) : 0;
}

/// <summary>A model's list price.</summary>
internal sealed class LlmModelPrice
{
    [Range(0, 10_000)]
    public double InputPerMillionUsd { get; set; }

    [Range(0, 10_000)]
    public double OutputPerMillionUsd { get; set; }
}
