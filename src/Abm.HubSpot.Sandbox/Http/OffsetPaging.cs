using System.Globalization;
using Abm.HubSpot.Sandbox.Crm;

namespace Abm.HubSpot.Sandbox.Http;

/// <summary>
/// The paging of the sandbox's small listings (lists' members, campaigns, their assets, marketing emails): <c>limit</c>
/// clamped to the API's range, and <c>after</c>, an opaque cursor that is the offset of the next item.
/// </summary>
internal static class OffsetPaging
{
    public static (int Limit, int Offset) Read(HttpRequest request, int defaultLimit, int maxLimit)
    {
        var query = request.Query;
        var limit = int.TryParse(query["limit"], NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? Math.Clamp(parsed, 1, maxLimit) : defaultLimit;
        var offset = int.TryParse(query["after"], NumberStyles.None, CultureInfo.InvariantCulture, out var after) ? after : 0;
        return (limit, offset);
    }

    /// <summary>The <c>paging</c> of a page of <paramref name="count"/> items from <paramref name="offset"/> out of <paramref name="total"/>; null on the last page.</summary>
    public static Paging? Next(int offset, int count, int total) =>
        offset + count < total ? new Paging(new PagingNext((offset + count).ToString(CultureInfo.InvariantCulture))) : null;
}
