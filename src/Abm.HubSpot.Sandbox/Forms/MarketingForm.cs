namespace Abm.HubSpot.Sandbox.Forms;

/// <summary>A form of the portal as the marketing forms API (v3) knows it; its id is the guid submissions are filed under.</summary>
internal sealed record MarketingForm(string Id, string Name, string FormType, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, bool Archived = false)
{
    public const string ContactUs = "Contact us";
    public const string DemoRequest = "Demo request";
    public const string ContentDownload = "Content download";
    public const string Newsletter = "Newsletter";

    /// <summary>The contact fields every sandbox form asks for, in the order they appear.</summary>
    public static IReadOnlyList<(string Name, string Label, string FieldType)> Fields { get; } =
    [
        ("email", "Email", "email"),
        ("firstname", "First name", "single_line_text"),
        ("lastname", "Last name", "single_line_text"),
    ];
}
