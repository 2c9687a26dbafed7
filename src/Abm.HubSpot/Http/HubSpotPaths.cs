using System.Globalization;
using System.Text;

namespace Abm.HubSpot.Http;

/// <summary>
/// Every HubSpot path the client calls, built in one place so the CRM objects prefix (<c>/crm/v3/objects</c>
/// or a date-versioned one) is configuration, and every path segment and query value is escaped.
/// </summary>
internal sealed class HubSpotPaths(string crmObjectsPrefix)
{
    private readonly string _objects = "/" + crmObjectsPrefix.Trim('/');

    public string Objects(string objectType) => $"{_objects}/{Escape(objectType)}";

    public string Object(string objectType, string id) => $"{Objects(objectType)}/{Escape(id)}";

    public string Batch(string objectType, string action) => $"{Objects(objectType)}/batch/{action}";

    public string Search(string objectType) => $"{Objects(objectType)}/search";

    public static string Properties(string objectType) => $"/crm/v3/properties/{Escape(objectType)}";

    public static string PropertyGroups(string objectType) => $"{Properties(objectType)}/groups";

    public static string AssociationBatchRead(string fromType, string toType) => $"/crm/v4/associations/{Escape(fromType)}/{Escape(toType)}/batch/read";

    public static string DefaultAssociation(string fromType, string fromId, string toType, string toId) =>
        $"/crm/v4/objects/{Escape(fromType)}/{Escape(fromId)}/associations/default/{Escape(toType)}/{Escape(toId)}";

    public static string Pipelines(string objectType) => $"/crm/v3/pipelines/{Escape(objectType)}";

    public static string PipelineStages(string objectType, string pipelineId) => $"{Pipelines(objectType)}/{Escape(pipelineId)}/stages";

    public const string Owners = "/crm/v3/owners";

    public const string TransactionalSingleSend = "/marketing/v3/transactional/single-email/send";

    public const string EmailEvents = "/email/public/v1/events";

    public static string SubscriptionStatus(string email) => $"/communication-preferences/v3/status/email/{Escape(email)}";

    public static string ListMemberships(string listId, string action) => $"{ListMembers(listId)}/{action}";

    public static string ListMembers(string listId) => $"/crm/v3/lists/{Escape(listId)}/memberships";

    public const string Lists = "/crm/v3/lists";

    public const string ListSearch = "/crm/v3/lists/search";

    public static string List(string listId) => $"/crm/v3/lists/{Escape(listId)}";

    public const string Campaigns = "/marketing/v3/campaigns";

    public static string Campaign(string campaignGuid) => $"{Campaigns}/{Escape(campaignGuid)}";

    public static string CampaignAssets(string campaignGuid, string assetType) => $"{Campaign(campaignGuid)}/assets/{Escape(assetType)}";

    public static string CampaignAsset(string campaignGuid, string assetType, string assetId) => $"{CampaignAssets(campaignGuid, assetType)}/{Escape(assetId)}";

    public const string MarketingEmails = "/marketing/v3/emails";

    public static string MarketingEmail(string emailId) => $"{MarketingEmails}/{Escape(emailId)}";

    public const string MarketingSingleSend = "/marketing/v4/email/single-send";

    public const string Forms = "/marketing/v3/forms";

    public static string FormSubmissions(string formId) => $"/form-integrations/v1/submissions/forms/{Escape(formId)}";

    public const string OAuthToken = "/oauth/v1/token";

    public static string OAuthAccessTokenInfo(string accessToken) => $"/oauth/v1/access-tokens/{Escape(accessToken)}";

    public static string OAuthRefreshToken(string refreshToken) => $"/oauth/v1/refresh-tokens/{Escape(refreshToken)}";

    public const string PrivateAppTokenInfo = "/oauth/v2/private-apps/get/access-token-info";

    /// <summary>Appends the non-null parameters as a query string; list values repeat as comma-separated text, as HubSpot accepts.</summary>
    public static string WithQuery(string path, params (string Name, object? Value)[] parameters)
    {
        var query = new StringBuilder();
        foreach (var (name, value) in parameters)
        {
            var text = value switch
            {
                null => null,
                string s => s,
                bool b => b ? "true" : "false",
                IEnumerable<string> list => list.Any() ? string.Join(',', list) : null,
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                _ => value.ToString(),
            };
            if (text is not null)
            {
                query.Append(query.Length == 0 ? '?' : '&').Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(text));
            }
        }

        return path + query;
    }

    private static string Escape(string segment) => Uri.EscapeDataString(segment);
}
