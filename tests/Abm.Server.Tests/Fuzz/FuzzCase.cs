namespace Abm.Server.Tests.Fuzz;

/// <summary>One request to send: what it probes (kind), where, the exact body bytes and the content type (null: none).</summary>
public sealed record FuzzCase(string Route, string Kind, string Method, string Url, byte[]? Body, string? ContentType, bool SignAsWebhook = false);
