namespace Abm.HubSpot.Sandbox.Seeding;

/// <summary>Word lists for synthetic but realistic B2B portal data.</summary>
internal static class SeedVocabulary
{
    public static readonly string[] FirstNames =
    [
        "James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda", "David", "Elizabeth",
        "William", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah", "Charles", "Karen",
        "Daniel", "Nancy", "Matthew", "Lisa", "Anthony", "Betty", "Mark", "Sandra", "Steven", "Ashley",
        "Priya", "Arjun", "Mei", "Wei", "Hiroshi", "Yuki", "Fatima", "Omar", "Sofia", "Mateo",
        "Lucas", "Emma", "Noah", "Olivia", "Liam", "Amelia", "Ingrid", "Lars", "Chloe", "Pierre",
        "Aisha", "Kwame", "Elena", "Dmitri", "Isabel", "Diego", "Hannah", "Jonas", "Grace", "Ethan",
    ];

    public static readonly string[] LastNames =
    [
        "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez",
        "Hernandez", "Lopez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin", "Lee",
        "Patel", "Shah", "Chen", "Wang", "Tanaka", "Sato", "Khan", "Haddad", "Rossi", "Bianchi",
        "Muller", "Schmidt", "Dubois", "Laurent", "Nielsen", "Andersson", "Kowalski", "Novak", "Okafor", "Mensah",
        "Silva", "Santos", "Ivanov", "Petrov", "Murphy", "Kelly", "OBrien", "Walsh", "Fischer", "Weber",
    ];

    public static readonly string[] CompanyPrefixes =
    [
        "North", "Blue", "Bright", "Iron", "Summit", "Silver", "Clear", "Apex", "Harbor", "Pioneer",
        "Vertex", "Crest", "Granite", "Evergreen", "Nova", "Atlas", "Beacon", "Cobalt", "Keystone", "Meridian",
    ];

    public static readonly string[] CompanyStems =
    [
        "wind", "peak", "stone", "field", "bridge", "point", "line", "wave", "gate", "path",
        "forge", "river", "light", "core", "spring", "works", "scale", "grid", "leaf", "sky",
    ];

    public static readonly string[] Countries = ["United States", "United Kingdom", "Germany", "France", "Canada", "Netherlands", "Australia", "Sweden"];

    public static readonly string[][] CitiesByCountry =
    [
        ["New York", "San Francisco", "Boston", "Chicago", "Austin", "Seattle"],
        ["London", "Manchester", "Edinburgh"],
        ["Berlin", "Munich", "Hamburg"],
        ["Paris", "Lyon"],
        ["Toronto", "Vancouver"],
        ["Amsterdam", "Rotterdam"],
        ["Sydney", "Melbourne"],
        ["Stockholm", "Gothenburg"],
    ];

    public static readonly string[] Products = ["Platform", "Enterprise License", "Expansion", "Renewal", "Pilot", "Analytics Add-on"];
}
