using System.Text.Json.Nodes;

namespace Abm.Server.Tests.Fuzz;

/// <summary>Edits of a sampled JSON body: every node can be reached, so nulls and bad values land at every depth.</summary>
public static class JsonMutations
{
    /// <summary>Every node under the root, as the container holding it and its key or index.</summary>
    public static List<(JsonNode Parent, string? Key, int Index)> Slots(JsonNode? root)
    {
        var slots = new List<(JsonNode, string?, int)>();
        void Walk(JsonNode? node)
        {
            switch (node)
            {
                case JsonObject obj:
                    foreach (var (key, child) in obj.ToList())
                    {
                        slots.Add((obj, key, -1));
                        Walk(child);
                    }

                    break;
                case JsonArray array:
                    for (var i = 0; i < array.Count; i++)
                    {
                        slots.Add((array, null, i));
                        Walk(array[i]);
                    }

                    break;
            }
        }

        Walk(root);
        return slots;
    }

    /// <summary>Replaces the slot's value (or the root when there is no slot) and returns the new root.</summary>
    public static JsonNode? Replace(JsonNode? root, (JsonNode Parent, string? Key, int Index)? slot, JsonNode? value)
    {
        switch (slot)
        {
            case null:
                return value;
            case ({ } parent, { } key, _):
                parent.AsObject()[key] = value;
                return root;
            case ({ } parent, null, var index):
                parent.AsArray()[index] = value;
                return root;
            default:
                return root;
        }
    }

    /// <summary>A null added to every array of the body (or the root itself wrapped in one when it has none).</summary>
    public static JsonNode? NullInEveryArray(JsonNode? root)
    {
        var arrays = Slots(root).Select(s => s.Parent).OfType<JsonArray>().Distinct().ToList();
        if (root is JsonArray rootArray)
        {
            arrays.Add(rootArray);
        }

        if (arrays.Count == 0 && root is JsonObject obj && obj.Count > 0)
        {
            obj[obj.First().Key] = new JsonArray(null, JsonValue.Create(1));
            return root;
        }

        foreach (var array in arrays.Distinct())
        {
            array.Add(null);
        }

        return root;
    }

    /// <summary>Every string leaf carries a control character or bidi override.</summary>
    public static JsonNode? ControlCharactersInEveryString(JsonNode? root, Random random)
    {
        foreach (var slot in Slots(root))
        {
            var value = slot.Key is { } key ? slot.Parent.AsObject()[key] : slot.Parent.AsArray()[slot.Index];
            if (value is JsonValue leaf && leaf.TryGetValue<string>(out var text))
            {
                Replace(root, slot, JsonValue.Create(text + BadValues.ControlTexts[random.Next(BadValues.ControlTexts.Length)]));
            }
        }

        return root;
    }
}
