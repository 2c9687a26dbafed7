using System.Diagnostics;
using System.Text;
using Abm.Engines.Leads;
using Abm.Server.Features.Observability;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace Abm.Server.Features.Leads;

/// <summary>One request to the model: how it went, its tokens and its estimated cost.</summary>
internal sealed record LlmCall(int Attempt, string Outcome, int? HttpStatus, int LatencyMs, int InputTokens, int OutputTokens, double CostUsd, DateTime CalledAt);

/// <summary>
/// What the model made of a lead: its answer when it kept the contract (null: the fallback answers, for
/// <see cref="FailureReason"/>), the conversation sent and the last answer (for audit, never logged) and every request.
/// </summary>
internal sealed record LeadReasoning(LeadAnswer? Answer, string Provider, string Model, string Prompt, string? Response, string? FailureReason, IReadOnlyList<LlmCall> Calls);

/// <summary>
/// Asks the configured model about a lead and holds it to the contract. A request that fails with 429, 5xx, a
/// timeout or no connection is sent again, up to <see cref="LeadLlmOptions.MaxAttempts"/> requests with exponential
/// back-off; another refusal (401, 400) or a reply the SDK cannot read is final. An answer that breaks the contract is refused once with the
/// reason in a follow-up message; a second refusal, or a provider that keeps failing, leaves the lead to the
/// deterministic scorer. Nothing of the prompt or the answer is logged.
/// </summary>
internal sealed partial class LeadReasoner(LeadLanguageModel model, IOptions<LeadLlmOptions> options, AbmMetrics metrics, TimeProvider clock, ILogger<LeadReasoner> logger)
{
    /// <summary>Answers asked for per lead: the first, and one more after a refused answer.</summary>
    public const int MaxAnswers = 2;

    public bool IsConfigured => model.Chat is not null;

    public string? Provider => model.Provider;

    public string? Model => model.Model;

    public async Task<LeadReasoning> ReasonAsync(string userPrompt, CancellationToken cancellationToken)
    {
        var chat = model.Chat ?? throw new InvalidOperationException("No language model is configured.");
        var settings = options.Value;
        var messages = new List<ChatMessage> { new(ChatRole.System, LeadPrompt.System), new(ChatRole.User, userPrompt) };
        var calls = new List<LlmCall>();
        string? lastAnswer = null;
        for (var answerNumber = 1; ; answerNumber++)
        {
            var (response, failure) = await SendAsync(chat, messages, settings, calls, cancellationToken);
            if (response is null)
            {
                LogProviderFailed(model.Provider!, model.Model!, failure!);
                return Done(null, messages, lastAnswer, $"{Name()} failed: {failure}", calls);
            }

            lastAnswer = response.Text;
            if (LeadAnswer.TryParse(lastAnswer, out var answer, out var error))
            {
                return Done(answer, messages, lastAnswer, null, calls);
            }

            calls[^1] = calls[^1] with { Outcome = "invalid_answer" };
            if (answerNumber == MaxAnswers)
            {
                LogAnswerRefused(model.Provider!, model.Model!, answerNumber);
                return Done(null, messages, lastAnswer, $"{Name()} broke the answer contract twice; the last time: {error}", calls);
            }

            messages.Add(new ChatMessage(ChatRole.Assistant, lastAnswer ?? ""));
            messages.Add(new ChatMessage(ChatRole.User, LeadPrompt.Correction(error)));
        }
    }

    /// <summary>Sends the conversation, retrying transient failures with back-off. Either the response or why it failed.</summary>
    private async Task<(ChatResponse? Response, string? Failure)> SendAsync(
        IChatClient chat, List<ChatMessage> messages, LeadLlmOptions settings, List<LlmCall> calls, CancellationToken cancellationToken)
    {
        var chatOptions = new ChatOptions { Temperature = 0, MaxOutputTokens = settings.MaxOutputTokens };
        for (var attempt = 1; ; attempt++)
        {
            var calledAt = clock.GetUtcNow().UtcDateTime;
            var started = Stopwatch.GetTimestamp();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(settings.TimeoutSeconds), clock);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
            LlmFailureKind failure;
            var retryAfter = RetryAfterHandler.Watch();
            try
            {
                var response = await chat.GetResponseAsync(messages, chatOptions, linked.Token);
                var (input, output) = ((int)(response.Usage?.InputTokenCount ?? 0), (int)(response.Usage?.OutputTokenCount ?? 0));
                Add(calls, new LlmCall(calls.Count + 1, "ok", 200, Elapsed(started), input, output, settings.CostUsd(model.Model!, input, output), calledAt));
                return (response, null);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                failure = LlmFailureKind.Timeout;
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                // Anything else the SDK throws (an answer in no wire format it reads, say) is the provider's failure too.
                failure = LlmFailureKind.Of(error) ?? LlmFailureKind.Unusable;
            }

            Add(calls, new LlmCall(calls.Count + 1, failure.Outcome, failure.HttpStatus, Elapsed(started), 0, 0, 0, calledAt));
            if (!failure.Transient || attempt >= settings.MaxAttempts)
            {
                return (null, failure.Transient ? $"{failure.Describe()} after {attempt} attempt(s)" : failure.Describe());
            }

            // The provider's own Retry-After, when it gave one, is the least wait; one longer than a scoring should
            // hold a lead is not waited out: the deterministic scorer answers instead.
            if (ProviderRetry.Delay(settings.RetryDelayMilliseconds, attempt, retryAfter.Value) is not { } delay)
            {
                return (null, $"{failure.Describe()}, asked to wait {retryAfter.Value!.Value.TotalSeconds:0} s");
            }

            await Task.Delay(delay, clock, cancellationToken);
        }
    }

    /// <summary>Keeps the request for the audit and counts it in the metrics (<c>abm.llm.*</c>).</summary>
    private void Add(List<LlmCall> calls, LlmCall call)
    {
        calls.Add(call);
        metrics.LanguageModelCalled(model.Provider!, model.Model!, call.Outcome, TimeSpan.FromMilliseconds(call.LatencyMs), call.InputTokens, call.OutputTokens, call.CostUsd);
    }

    private LeadReasoning Done(LeadAnswer? answer, List<ChatMessage> messages, string? response, string? failure, List<LlmCall> calls) =>
        new(answer, model.Provider!, model.Model!, Transcript(messages), response, failure, calls);

    private string Name() => $"{model.Provider} ({model.Model})";

    /// <summary>The conversation as sent, one labelled block per message, for the audit.</summary>
    private static string Transcript(List<ChatMessage> messages)
    {
        var text = new StringBuilder();
        foreach (var message in messages)
        {
            text.Append('[').Append(message.Role.Value).Append("]\n").Append(message.Text).Append("\n\n");
        }

        return text.ToString().TrimEnd();
    }

    private static int Elapsed(long started) => (int)Stopwatch.GetElapsedTime(started).TotalMilliseconds;

    [LoggerMessage(Level = LogLevel.Warning, Message = "The lead-scoring model {Provider} ({Model}) failed ({Failure}); the deterministic scorer answers")]
    private partial void LogProviderFailed(string provider, string model, string failure);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The lead-scoring model {Provider} ({Model}) broke the answer contract {Times} times; the deterministic scorer answers")]
    private partial void LogAnswerRefused(string provider, string model, int times);
}
