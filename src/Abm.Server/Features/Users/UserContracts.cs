using System.ComponentModel.DataAnnotations;
using Abm.Data.Entities;

namespace Abm.Server.Features.Users;

/// <summary>A new dashboard user of the caller's workspace; without a password one is generated and answered once.</summary>
internal sealed record AddUserRequest(
    [property: Required, EmailAddress(ErrorMessage = "email must be an email address."), StringLength(256)] string Email,
    [property: Required, AllowedValues("admin", "marketer", "sales", "viewer", ErrorMessage = "role must be one of admin, marketer, sales, viewer.")]
    string Role,
    [property: StringLength(512, MinimumLength = UserSetup.MinimumPasswordLength, ErrorMessage = "password must be at least 12 characters.")]
    string? Password = null);

internal sealed record ChangeRoleRequest(
    [property: Required, AllowedValues("admin", "marketer", "sales", "viewer", ErrorMessage = "role must be one of admin, marketer, sales, viewer.")]
    string Role);

internal sealed record UserResponse(Guid Id, string Email, string Role, DateTime CreatedAt, bool LockedOut)
{
    public static UserResponse From(DashboardUser user, DateTimeOffset now) =>
        new(user.Id, user.Email ?? user.UserName ?? "", user.Role, user.CreatedAt, user.LockoutEnd > now);
}

/// <summary>The user created; <c>password</c> only when it was generated, the one time it is ever shown.</summary>
internal sealed record AddedUserResponse(Guid Id, string Email, string Role, DateTime CreatedAt, string? Password);
