using Abm.Data.Migrator;
using Microsoft.Extensions.Logging.Abstractions;

namespace Abm.Data.Tests;

internal static class MigratorFactory
{
    public static SchemaMigrator For(DatabaseTarget target) =>
        new(target, TimeProvider.System, NullLogger<SchemaMigrator>.Instance);
}
