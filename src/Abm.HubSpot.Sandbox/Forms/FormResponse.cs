using Abm.HubSpot.Sandbox.Http;

namespace Abm.HubSpot.Sandbox.Forms;

internal sealed record FormFieldResponse(string ObjectTypeId, string Name, string Label, bool Required, bool Hidden, string FieldType);

internal sealed record FormFieldGroupResponse(string GroupType, string RichTextType, IReadOnlyList<FormFieldResponse> Fields);

/// <summary>A form as the marketing forms API returns it: one field group per contact field, as HubSpot's editor makes them.</summary>
internal sealed record FormResponse(string Id, string Name, string FormType, string CreatedAt, string UpdatedAt, bool Archived, IReadOnlyList<FormFieldGroupResponse> FieldGroups)
{
    public static FormResponse Of(MarketingForm form) => new(
        form.Id,
        form.Name,
        form.FormType,
        HubSpotTime.Format(form.CreatedAt),
        HubSpotTime.Format(form.UpdatedAt),
        form.Archived,
        MarketingForm.Fields.Select((field, index) => new FormFieldGroupResponse(
            index == 0 ? "default_group" : "default",
            "text",
            [new FormFieldResponse("0-1", field.Name, field.Label, index == 0, false, field.FieldType)])).ToList());
}
