using System.ComponentModel.DataAnnotations;
using Abm.Data.Entities;

namespace Abm.Server.Features.ApiKeys;

internal sealed record CreateApiKeyRequest(
    [property: Required, StringLength(200, MinimumLength = 1)] string Name,
    [property: Required, AllowedValues("admin", "marketer", "sales", "viewer", ErrorMessage = "role must be one of admin, marketer, sales, viewer.")]
    string Role);

internal sealed record ApiKeyResponse(Guid Id, string Name, string Prefix, string Role, DateTime CreatedAt, DateTime? LastUsedAt, DateTime? RevokedAt)
{
    public static ApiKeyResponse From(ApiKey key) => new(key.Id, key.Name, key.Prefix, key.Role, key.CreatedAt, key.LastUsedAt, key.RevokedAt);
}

/// <summary>Returned once, at creation: the only time the whole key is ever shown.</summary>
internal sealed record CreatedApiKeyResponse(Guid Id, string Name, string Prefix, string Role, DateTime CreatedAt, string Key);
