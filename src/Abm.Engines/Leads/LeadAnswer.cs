using System.Text.Json;

namespace Abm.Engines.Leads;

/// <summary>A language model's answer about a lead that keeps the contract.</summary>
/// <param name="Score">0..100.</param>
/// <param name="Fit">The level of the score's band.</param>
/// <param name="Action">The next action.</param>
/// <param name="Reasoning">The reasoning for a sales rep.</param>
public sealed record LeadAnswer(int Score, FitLevel Fit, NextAction Action, string Reasoning)
{
    /// <summary>The longest reasoning kept; a longer one is refused rather than cut.</summary>
    public const int MaxReasoningLength = 4000;

    private static readonly string[] Fields = ["score", "fit_level", "next_action", "reasoning"];

    /// <summary>
    /// Reads a model's answer strictly: one JSON object (a Markdown code fence around it is tolerated, nothing else)
    /// with exactly the four fields, an integer score 0..100, a fit level among High, Medium, Low that is the level
    /// of the score's band, a next action among Call, Email, Nurture and a non-empty reasoning. On refusal
    /// <paramref name="error"/> says what was wrong, in words the model can act on.
    /// </summary>
    public static bool TryParse(string? text, out LeadAnswer? answer, out string error)
    {
        answer = null;
        var json = Unfence(text);
        if (json is null)
        {
            error = "the answer was empty.";
            return false;
        }

        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(json);
            root = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            error = "the answer is not valid JSON.";
            return false;
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            error = "the answer is not a JSON object.";
            return false;
        }

        var names = root.EnumerateObject().Select(p => p.Name).ToList();
        var unknown = names.Except(Fields, StringComparer.Ordinal).ToList();
        var missing = Fields.Except(names, StringComparer.Ordinal).ToList();
        if (missing.Count > 0 || unknown.Count > 0 || names.Count != Fields.Length)
        {
            error = missing.Count > 0 ? $"missing field(s): {string.Join(", ", missing)}."
                : unknown.Count > 0 ? $"unknown field(s): {string.Join(", ", unknown)}." : "a field appears twice.";
            return false;
        }

        var score = root.GetProperty("score");
        if (score.ValueKind != JsonValueKind.Number || !score.TryGetInt32(out var value))
        {
            error = "score must be an integer.";
            return false;
        }

        if (value is < 0 or > 100)
        {
            error = $"score {value} is outside 0-100.";
            return false;
        }

        if (!TryEnum(root.GetProperty("fit_level"), out FitLevel fit))
        {
            error = "fit_level must be High, Medium or Low.";
            return false;
        }

        if (fit != FitBands.LevelOf(value))
        {
            error = $"fit_level {fit} does not match score {value}, whose band is {FitBands.LevelOf(value)}.";
            return false;
        }

        if (!TryEnum(root.GetProperty("next_action"), out NextAction action))
        {
            error = "next_action must be Call, Email or Nurture.";
            return false;
        }

        var reasoning = root.GetProperty("reasoning");
        if (reasoning.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(reasoning.GetString()))
        {
            error = "reasoning must be a non-empty string.";
            return false;
        }

        if (reasoning.GetString()!.Length > MaxReasoningLength)
        {
            error = $"reasoning is longer than {MaxReasoningLength} characters.";
            return false;
        }

        answer = new LeadAnswer(value, fit, action, reasoning.GetString()!.Trim());
        error = "";
        return true;
    }

    /// <summary>The contract's JSON for an answer (what a model is expected to write).</summary>
    public string ToJson() => JsonSerializer.Serialize(new Dictionary<string, object>
    {
        ["score"] = Score, ["fit_level"] = Fit.ToString(), ["next_action"] = Action.ToString(), ["reasoning"] = Reasoning,
    });

    private static string? Unfence(string? text)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        if (trimmed.StartsWith("```", StringComparison.Ordinal) && trimmed.EndsWith("```", StringComparison.Ordinal) && trimmed.Length > 6)
        {
            var body = trimmed[3..^3];
            var newline = body.IndexOf('\n', StringComparison.Ordinal);
            // The fence's first line names the language (```json); only that line is dropped.
            trimmed = (newline >= 0 && !body[..newline].Contains('{', StringComparison.Ordinal) ? body[(newline + 1)..] : body).Trim();
        }

        return trimmed;
    }

    // Exact names only: "high" or "CALL" are not the contract.
    private static bool TryEnum<T>(JsonElement element, out T value) where T : struct, Enum
    {
        value = default;
        return element.ValueKind == JsonValueKind.String && Enum.GetNames<T>().Contains(element.GetString(), StringComparer.Ordinal)
            && Enum.TryParse(element.GetString(), out value);
    }
}
