using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Abm.Server.Features.Nurture;

/// <summary>
/// Reads one YAML document into the JSON it stands for, by YAML 1.2's core schema: an unquoted <c>null</c>,
/// <c>~</c> or nothing is null, <c>true</c>/<c>false</c> a boolean, an unquoted number a number; everything else,
/// and every quoted scalar, is a string. Mapping keys must be scalars. Aliases are followed, within a bound on
/// the nodes written and their depth, so a document cannot make itself enormous.
/// </summary>
internal static partial class YamlAsJson
{
    private const int MaxNodes = 50_000;
    private const int MaxDepth = 64;
    private const string StringTag = "tag:yaml.org,2002:str";

    /// <summary>The document as JSON, or why it does not read (with its line and column).</summary>
    public static (JsonElement Document, string? Error) Read(string text)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            if (stream.Documents.Count != 1)
            {
                return (default, $"expected one YAML document, found {stream.Documents.Count}.");
            }

            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                var written = 0;
                Write(writer, stream.Documents[0].RootNode, 0, ref written);
            }

            using var json = JsonDocument.Parse(buffer.ToArray());
            return (json.RootElement.Clone(), null);
        }
        catch (YamlException error)
        {
            return (default, string.Create(CultureInfo.InvariantCulture, $"line {error.Start.Line}, column {error.Start.Column}: {Innermost(error).Message}"));
        }
        catch (TooLargeException error)
        {
            return (default, error.Message);
        }
        catch (Exception error) when (error is ArgumentException or InvalidOperationException or FormatException or OverflowException)
        {
            // The parser's other refusals of its input (a repeated key, a malformed flow collection at the end).
            return (default, error.Message);
        }
    }

    private static void Write(Utf8JsonWriter writer, YamlNode node, int depth, ref int written)
    {
        if (++written > MaxNodes || depth > MaxDepth)
        {
            throw new TooLargeException($"the document has more than {MaxNodes:N0} values or nests deeper than {MaxDepth} (aliases count each time they are used).");
        }

        switch (node)
        {
            case YamlMappingNode mapping:
                writer.WriteStartObject();
                foreach (var (key, value) in mapping.Children)
                {
                    if (key is not YamlScalarNode { Value: { } name })
                    {
                        throw new YamlException(key.Start, key.End, "a mapping key must be a plain value.");
                    }

                    writer.WritePropertyName(name);
                    Write(writer, value, depth + 1, ref written);
                }

                writer.WriteEndObject();
                break;
            case YamlSequenceNode sequence:
                writer.WriteStartArray();
                foreach (var item in sequence.Children)
                {
                    Write(writer, item, depth + 1, ref written);
                }

                writer.WriteEndArray();
                break;
            case YamlScalarNode scalar:
                WriteScalar(writer, scalar);
                break;
            default:
                throw new YamlException(node.Start, node.End, "this kind of YAML node has no JSON meaning.");
        }
    }

    private static void WriteScalar(Utf8JsonWriter writer, YamlScalarNode scalar)
    {
        var value = scalar.Value ?? "";
        if (scalar.Style is not ScalarStyle.Plain || (!scalar.Tag.IsEmpty && scalar.Tag.Value == StringTag))
        {
            writer.WriteStringValue(value);
        }
        else if (value is "" or "~" or "null" or "Null" or "NULL")
        {
            writer.WriteNullValue();
        }
        else if (value is "true" or "True" or "TRUE" or "false" or "False" or "FALSE")
        {
            writer.WriteBooleanValue(value[0] is 't' or 'T');
        }
        else if (Number().IsMatch(value) && decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            writer.WriteNumberValue(number);
        }
        else
        {
            writer.WriteStringValue(value);
        }
    }

    private static Exception Innermost(Exception error) => error.InnerException is { } inner ? Innermost(inner) : error;

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Number();

    private sealed class TooLargeException(string message) : Exception(message);
}
