namespace Abm.Server.Features.Demo;

/// <summary>
/// The demo inside the server: its status (always registered, so <c>GET /api/demo</c> and the workspaces can say
/// whether the data is simulated), the bootstrap that connects the in-process sandbox once the server listens, and the
/// <c>X-Abm-Demo: true</c> header on every answer while the demo runs. The sandbox itself is started by
/// <c>abm demo</c> (see <see cref="DemoMode"/>) before the server is built.
/// </summary>
internal static class DemoSetup
{
    public const string Header = "X-Abm-Demo";

    public static IServiceCollection AddDemo(this IServiceCollection services)
    {
        services.AddSingleton<DemoStatus>();
        services.AddScoped<DemoProduct>();
        services.AddHostedService<DemoBootstrap>();
        services.AddTransient<IStartupFilter, DemoHeaderFilter>();
        return services;
    }

    /// <summary>First in the pipeline, and set as the response starts, so error answers carry the header too.</summary>
    private sealed class DemoHeaderFilter(DemoStatus demo) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            if (demo.Enabled)
            {
                app.Use((context, following) =>
                {
                    context.Response.OnStarting(() =>
                    {
                        context.Response.Headers[Header] = "true";
                        return Task.CompletedTask;
                    });
                    return following(context);
                });
            }

            next(app);
        };
    }
}
