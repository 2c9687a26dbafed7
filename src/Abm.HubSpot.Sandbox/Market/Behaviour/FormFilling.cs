using Abm.HubSpot.Sandbox.Crm;
using Abm.HubSpot.Sandbox.Forms;

namespace Abm.HubSpot.Sandbox.Market.Behaviour;

/// <summary>
/// A buyer's form submission as HubSpot's forms API shows it: a demo or ROI calculator is asked for through the
/// "Demo request" form, any other gated item through "Content download", with the buyer's email and name.
/// </summary>
internal static class FormFilling
{
    public static void Submit(WriteContext context, CrmRecord contact, string email, SiteEvent siteEvent, MarketContentItem? item)
    {
        var name = item?.ContentType is "demo_video" or "roi_calculator" ? MarketingForm.DemoRequest : MarketingForm.ContentDownload;
        // A portal read back from a data file written before forms existed has none to fill in.
        if (context.State.Forms.FirstOrDefault(f => f.Name == name && !f.Archived) is not { } form)
        {
            return;
        }

        FormSubmission.Add(
            context.State.FormSubmissions, form, FormSubmission.ConversionIdFor(siteEvent.ClientEventId), siteEvent.OccurredAt,
            FormValue.OfContact(email, contact.Get("firstname"), contact.Get("lastname")), siteEvent.Url);
    }
}
