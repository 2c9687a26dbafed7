namespace Abm.HubSpot.Sandbox.Http;

/// <summary>The error bodies HubSpot sends, by category, so no client ever sees an ASP.NET-shaped error.</summary>
internal static class HubSpotErrors
{
    public static HubSpotError Validation(string message, IReadOnlyList<HubSpotErrorDetail>? errors = null) =>
        new(StatusCodes.Status400BadRequest, "VALIDATION_ERROR", message, errors);

    public static HubSpotError NotFound(string message = "resource not found") =>
        new(StatusCodes.Status404NotFound, "OBJECT_NOT_FOUND", message);

    public static HubSpotError Conflict(string message) =>
        new(StatusCodes.Status409Conflict, "CONFLICT", message);

    public static HubSpotError Unauthorized(string category, string message) =>
        new(StatusCodes.Status401Unauthorized, category, message);

    public static HubSpotError UnknownObjectType(string type) =>
        Validation($"Unable to infer object type from: {type}");

    public static HubSpotError Context(HubSpotError error, string key, params string[] values) =>
        error with { Context = new Dictionary<string, IReadOnlyList<string>> { [key] = values } };
}
