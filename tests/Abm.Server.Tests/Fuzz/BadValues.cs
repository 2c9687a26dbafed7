using System.Text;
using System.Text.Json.Nodes;

namespace Abm.Server.Tests.Fuzz;

/// <summary>The hostile material every case draws from: values, raw bodies, content types and query values.</summary>
public static class BadValues
{
    /// <summary>C0 and C1 controls, DEL and the bidi overrides and isolates that can disguise text.</summary>
    public static readonly string[] ControlTexts =
    [
        "a\0b", "line\nbreak", "carriage\rreturn", "tab\there", "bell\u0007", "esc\u001b[31m", "del\u007f", "c1\u0085next", "c1\u009b",
        "rtl\u202eevil", "lre\u202a", "isolate\u2066x\u2069", "\r\nX-Injected: yes",
    ];

    public static readonly string[] OverflowingNumbers =
    [
        "2147483648", "-2147483649", "9223372036854775808", "-9223372036854775809", "1e400", "-1e400", "1e-400", "1.7976931348623157e309",
        "0.0000000000000000000000000001", "123456789012345678901234567890", "-0", "1E5",
    ];

    public static readonly string[] NamedNumbers = ["\"NaN\"", "\"Infinity\"", "\"-Infinity\"", "\"1e400\"", "\"2147483648\"", "\"0x10\"", "\" 5 \""];

    public static JsonNode? Value(Random random) => random.Next(14) switch
    {
        0 => null,
        1 => JsonValue.Create(random.Next(2) == 0),
        2 => JsonNode.Parse(OverflowingNumbers[random.Next(OverflowingNumbers.Length)]),
        3 => JsonNode.Parse(NamedNumbers[random.Next(NamedNumbers.Length)]),
        4 => JsonValue.Create(ControlTexts[random.Next(ControlTexts.Length)]),
        5 => JsonValue.Create(new string('x', random.Next(2) == 0 ? 300 : 70_000)),
        6 => new JsonObject(),
        7 => new JsonArray(),
        8 => new JsonArray(null, null),
        9 => Nested(random.Next(2) == 0 ? 20 : 70),
        10 => JsonValue.Create(""),
        11 => JsonValue.Create(-1),
        12 => JsonValue.Create("0001-01-01T00:00:00Z"),
        _ => JsonValue.Create(Guid.CreateVersion7().ToString()),
    };

    /// <summary>Arrays inside arrays: past 64 levels the reader refuses the body.</summary>
    public static JsonNode Nested(int depth)
    {
        JsonNode node = new JsonArray();
        for (var i = 1; i < depth; i++)
        {
            node = i % 2 == 0 ? new JsonArray(node) : new JsonObject { ["a"] = node };
        }

        return node;
    }

    public static byte[] RawBody(Random random) => random.Next(13) switch
    {
        0 => [],
        1 => "{"u8.ToArray(),
        2 => "null"u8.ToArray(),
        3 => "[]"u8.ToArray(),
        4 => "\"text\""u8.ToArray(),
        5 => [0xEF, 0xBB, 0xBF, (byte)'{', (byte)'}'],
        6 => [(byte)'{', (byte)'"', 0xFF, 0xFE, (byte)'"', (byte)':', (byte)'1', (byte)'}'],
        7 => Encoding.UTF8.GetBytes(new string('[', 10_000) + new string(']', 10_000)),
        8 => Encoding.UTF8.GetBytes("{\"a\":\"" + new string('y', 1_000_000) + "\"}"),
        9 => "{\"a\":1,\"a\":2}"u8.ToArray(),
        10 => "{'single':'quotes'}"u8.ToArray(),
        11 => "\0\0\0\0"u8.ToArray(),
        _ => "{\"events\":[null],\"rules\":[null],\"windowDays\":1e400}"u8.ToArray(),
    };

    public static readonly string?[] ContentTypes =
    [
        "application/json; charset=bogus", "application/json; charset=\"utf-8\"", "application/json; charset=utf-16", "application/json; charset=",
        "application/json; charset=utf-7", "application/json;;", "application/merge-patch+json; charset=nope", "text/plain", "application/xml",
        "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "text/csv; charset=bogus", null, "*/*", "application/json\u0000",
    ];

    public static string QueryValue(Random random) => random.Next(8) switch
    {
        0 => "",
        1 => OverflowingNumbers[random.Next(OverflowingNumbers.Length)],
        2 => "NaN",
        3 => "-1",
        4 => Uri.EscapeDataString(ControlTexts[random.Next(ControlTexts.Length)]),
        5 => new string('q', 5_000),
        6 => "%",
        _ => Uri.EscapeDataString("'; DROP TABLE contacts; --"),
    };

    public static string PathValue(Random random, FuzzWorld world) => random.Next(6) switch
    {
        0 => "not-a-guid",
        1 => "00000000-0000-0000-0000-000000000000",
        // Not NUL: the in-memory transport refuses such a path before the server sees it (Kestrel answers 400).
        2 => Uri.EscapeDataString(ControlTexts[random.Next(1, ControlTexts.Length)]),
        3 => new string('9', 400),
        _ => world.KnownIds[random.Next(world.KnownIds.Count)].ToString(),
    };
}
