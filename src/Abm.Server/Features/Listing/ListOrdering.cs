using System.Linq.Expressions;

namespace Abm.Server.Features.Listing;

/// <summary>Applies a chosen sort key in either direction; lists always add their id last so pages never overlap.</summary>
internal static class ListOrdering
{
    public static IOrderedQueryable<T> SortBy<T, TKey>(this IQueryable<T> rows, Expression<Func<T, TKey>> key, bool descending) =>
        descending ? rows.OrderByDescending(key) : rows.OrderBy(key);

    public static IOrderedQueryable<T> ThenSortBy<T, TKey>(this IOrderedQueryable<T> rows, Expression<Func<T, TKey>> key, bool descending) =>
        descending ? rows.ThenByDescending(key) : Queryable.ThenBy(rows, key);
}
