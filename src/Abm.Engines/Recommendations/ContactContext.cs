using Abm.Engines.Content;
using Abm.Engines.Journey;
using Abm.Engines.Personas;

namespace Abm.Engines.Recommendations;

/// <summary>A contact's profile translated into the library's interned ids, once per recommendation call.</summary>
internal sealed class ContactContext
{
    public ContactContext(ContactProfile profile, PreparedLibrary library)
    {
        Profile = profile;
        HasIndustry = !string.IsNullOrWhiteSpace(profile.Industry);
        // An industry no item targets gets -1: it still mismatches every industry-specific item.
        IndustryId = HasIndustry && library.IndustryIds.TryGetValue(profile.Industry!.Trim(), out var id) ? id : -1;
        Affinity = [.. Enum.GetValues<ContentType>().Select(profile.Formats.AffinityFor)];
        Consumed = new bool[library.Items.Length];
        TagAffinity = new double[library.TagIds.Count];
        foreach (var contentId in profile.ConsumedContentIds)
        {
            if (library.IndexById.TryGetValue(contentId, out var index) && !Consumed[index])
            {
                Consumed[index] = true;
                foreach (var tag in library.Tags[index])
                {
                    TagAffinity[tag]++;
                }
            }
        }

        Excluded = new bool[library.Items.Length];
        foreach (var contentId in profile.ExcludedContentIds ?? [])
        {
            if (library.IndexById.TryGetValue(contentId, out var index))
            {
                Excluded[index] = true;
            }
        }

        TagReads = [.. TagAffinity.Select(count => (int)count)];

        // Relative to the contact's most-read topic, like format affinity: a topic it keeps coming back to counts
        // fully, one it touched once among many readings hardly at all.
        var most = TagAffinity.DefaultIfEmpty().Max();
        for (var tag = 0; most > 0 && tag < TagAffinity.Length; tag++)
        {
            TagAffinity[tag] /= most;
        }
    }

    public ContactProfile Profile { get; }

    public bool HasIndustry { get; }

    public int IndustryId { get; }

    public bool HasPersona => Profile.Persona != Persona.Unknown;

    public int PersonaBit => 1 << (int)Profile.Persona;

    public JourneyStage Stage => Profile.Stage;

    /// <summary>Relative affinity by <c>(int)ContentType</c>.</summary>
    public double[] Affinity { get; }

    /// <summary>By item index: the contact already interacted with the item.</summary>
    public bool[] Consumed { get; }

    /// <summary>By item index: someone ruled the item out for this contact.</summary>
    public bool[] Excluded { get; }

    /// <summary>By tag id: how many consumed items carry the tag.</summary>
    public int[] TagReads { get; }

    /// <summary>
    /// By tag id, 0..1: consumed items carrying the tag relative to the contact's most frequent tag among them.
    /// </summary>
    public double[] TagAffinity { get; }
}
