using Abm.Data;
using Abm.Data.Migrator;

namespace Abm.Server.Database;

internal static class DatabaseSetup
{
    /// <summary>
    /// The target is resolved lazily from the final configuration (test hosts and the CLI add settings
    /// after Program starts), and eagerly validated by <see cref="DatabaseStartup"/> before the app serves.
    /// </summary>
    public static IServiceCollection AddAbmDatabase(this IServiceCollection services)
    {
        services.AddSingleton(sp => DatabaseConfiguration.Resolve(sp.GetRequiredService<IConfiguration>()));
        services.AddDbContext<AbmDbContext>((sp, options) =>
            sp.GetRequiredService<DatabaseTarget>().Configure(options).AddInterceptors(sp.GetServices<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>()));
        services.AddSingleton(sp => new SchemaMigrator(sp.GetRequiredService<DatabaseTarget>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<SchemaMigrator>>()));
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section).ValidateOnStart();
        services.AddHostedService<DatabaseStartup>();
        return services;
    }
}
