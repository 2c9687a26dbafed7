using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Abm.Data.Model;

/// <summary>
/// Marks string properties that hold JSON documents. The column type is chosen per provider once the
/// model is built: <c>jsonb</c> on PostgreSQL (indexable, validated), <c>TEXT</c> on SQLite.
/// </summary>
public static class JsonColumn
{
    private const string Annotation = "Abm:JsonDocument";

    public static PropertyBuilder<TProperty> IsJsonDocument<TProperty>(this PropertyBuilder<TProperty> property) =>
        property.HasAnnotation(Annotation, true);

    internal static void ApplyColumnTypes(IMutableModel model, bool isPostgres)
    {
        foreach (var property in model.GetEntityTypes().SelectMany(e => e.GetProperties()))
        {
            if (property.FindAnnotation(Annotation) is not null)
            {
                property.SetColumnType(isPostgres ? "jsonb" : "TEXT");
            }
        }
    }
}
