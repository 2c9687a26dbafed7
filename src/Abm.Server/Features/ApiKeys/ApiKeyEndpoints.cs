using Abm.Server.Features.Access;

namespace Abm.Server.Features.ApiKeys;

internal static class ApiKeyEndpoints
{
    public static IServiceCollection AddApiKeys(this IServiceCollection services) => services.AddScoped<ApiKeyIssuer>().AddScoped<ApiKeyRegistry>();

    public static RouteGroupBuilder MapApiKeyEndpoints(this RouteGroupBuilder group)
    {
        group.WithTags("API keys").RequireAuthorization(AccessPolicies.Admin);
        group.MapGet("/", ApiKeyHandlers.ListAsync).WithName("ListApiKeys");
        group.MapPost("/", ApiKeyHandlers.CreateAsync).WithName("CreateApiKey");
        group.MapDelete("/{id:guid}", ApiKeyHandlers.RevokeAsync).WithName("RevokeApiKey");
        return group;
    }
}
