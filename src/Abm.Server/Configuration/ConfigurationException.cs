namespace Abm.Server.Configuration;

/// <summary>A setting is missing or malformed. The message names the setting so the operator can fix it.</summary>
internal sealed class ConfigurationException(string message) : Exception(message);
